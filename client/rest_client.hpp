#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "client/context.hpp"
#include "client/http/curl_transport.hpp"
#include "client/result.hpp"
#include "client/retry.hpp"
#include "client/secret_string.hpp"

namespace ycloud {

/// Where an IAM token comes from (see auth/). Implementations cache: asking is cheap.
class TokenSource {
public:
    virtual ~TokenSource() = default;
    virtual Result<SecretString> IamToken(const Context& context) = 0;
};

struct RestCall {
    std::string method = "GET";
    std::string url;
    std::optional<nlohmann::json> body;
    /// Creates or changes something: gets an Idempotency-Key, the same on every retry, so a
    /// retried create never makes two objects.
    bool mutating = false;
    bool authenticated = true;  ///< sends Authorization: Bearer <IAM token>
};

/// JSON over HTTP to Yandex Cloud, with the conventions every call shares: authentication,
/// x-client-request-id, idempotency keys, retries with backoff, errors parsed into values, and
/// a debug log line per attempt that never includes headers or bodies.
class RestClient {
public:
    RestClient(http::CurlTransport& transport, RetryPolicy policy, TokenSource* tokens);

    /// The parsed JSON answer ({} for an empty body) or the error of the last attempt.
    Result<nlohmann::json> Call(const RestCall& call, const Context& context);

private:
    http::CurlTransport& transport_;
    RetryPolicy policy_;
    TokenSource* tokens_;
};

}  // namespace ycloud
