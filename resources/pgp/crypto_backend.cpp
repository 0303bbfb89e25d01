#include "resources/pgp/crypto_backend.hpp"

#include <openssl/core.h>
#include <openssl/provider.h>

#include <mutex>

namespace provider::pgp {

namespace {

// A provider that offers no algorithm: OSSL_PROVIDER_load("legacy") succeeds without loading
// anything, and nothing is ever fetched from it.
int InitialiseEmptyProvider(const OSSL_CORE_HANDLE* /*handle*/,
                            const OSSL_DISPATCH* /*core*/,
                            const OSSL_DISPATCH** provider,
                            void** context) {
    static const OSSL_DISPATCH kNothing[] = {{0, nullptr}};
    *provider = kNothing;
    *context = nullptr;
    return 1;
}

}  // namespace

void PrepareCryptoBackend() {
    static std::once_flag once;
    std::call_once(once, [] {
        OSSL_PROVIDER_add_builtin(nullptr, "legacy", &InitialiseEmptyProvider);
        // Never unloaded: it outlives every librnp context. The reference is kept in a variable
        // the compiler may not drop (volatile), so the provider stays reachable to the end and
        // LeakSanitizer does not take it for a leak once OpenSSL's exit handler has let go of it.
        [[maybe_unused]] static OSSL_PROVIDER* volatile const kept_loaded = OSSL_PROVIDER_load(nullptr, "default");
    });
}

}  // namespace provider::pgp
