// libFuzzer target: what Yandex Cloud answers, read the way the client reads it. The body goes to
// the JSON parser as RestClient parses every answer, then to each answer reader (API key,
// operation, Lockbox version, IAM token) and, with a failure status picked by the first byte, to
// the error-body reader; its text also goes to the Retry-After and timestamp parsers.
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "client/auth/token_sources.hpp"
#include "client/error.hpp"
#include "client/retry.hpp"
#include "client/services/api_keys.hpp"
#include "client/services/lockbox.hpp"
#include "client/services/operations.hpp"
#include "client/timestamp.hpp"

namespace {

// The statuses Yandex Cloud's gateway answers with, and a few it should not.
constexpr int kStatuses[] = {200, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504, 0, 100, 302, 418, 999};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const int status = kStatuses[data[0] % std::size(kStatuses)];
    const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);

    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_discarded()) {
        (void)ycloud::ApiKey::FromJson(json);
        (void)ycloud::Operation::FromJson(json);
        (void)ycloud::LockboxVersion::FromJson(json);
        (void)ycloud::auth::ParseIamTokenResponse(json);
    }
    const std::map<std::string, std::string> headers = {{"x-request-id", "fuzz"}, {"retry-after", body.substr(0, 32)}};
    const auto error = ycloud::ErrorFromResponse(status, body, headers);
    (void)error.ToString();
    (void)ycloud::ParseRetryAfter(body);
    (void)ycloud::ParseApiTimestamp(body);
    return 0;
}
