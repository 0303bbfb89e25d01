// libFuzzer target: a service account key file's content (`yc iam key create -o key.json`), as
// YC_SERVICE_ACCOUNT_KEY_FILE or `service_account_key_file` gives it; a key that loads signs a
// JWT, as the first token exchange does.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>

#include "client/auth/service_account_key.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    // Text that is not JSON is taken for a file name: the fuzzer must not open files it makes up.
    if (!nlohmann::json::accept(content))
        return 0;
    auto key = ycloud::auth::LoadServiceAccountKey(content);
    if (key) {
        const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'900'000'000));
        (void)ycloud::auth::MakeServiceAccountJwt(key.Value(), now);
    }
    return 0;
}
