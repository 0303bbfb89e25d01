// libFuzzer target: `pgp_key` as users paste it (base64 of a binary key, base64 of an armored
// key, or armored text), parsed with librnp; a key that parses has its fingerprint read and
// encrypts a short message, as create does with the new secret.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "resources/pgp/public_key.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)provider::pgp::IsKeybaseReference(text);
    auto parsed = provider::pgp::PublicKey::Parse(text);
    if (auto* key = std::get_if<provider::pgp::PublicKey>(&parsed)) {
        (void)key->Fingerprint();
        std::string problem;
        (void)key->Encrypt("fuzz", problem);
    }
    return 0;
}
