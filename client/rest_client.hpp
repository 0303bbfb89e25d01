#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
    /// Whether getting a token proves the credentials work (they were exchanged with the server),
    /// rather than handing out a token as the user gave it.
    [[nodiscard]] virtual bool TokensAreVerified() const { return true; }
};

/// One REST call, described fluently: RestCall::Post(url, body).Mutating().
struct RestCall {
    std::string method = "GET";
    std::string url;
    std::optional<nlohmann::json> body;
    /// Creates or changes something: gets an Idempotency-Key, the same on every retry, so a
    /// retried create never makes two objects.
    bool mutating = false;
    /// Creates something the caller must record (a key, a secret version): if the answer is lost
    /// after the request went out, the call is asked again with the same Idempotency-Key, past
    /// its deadline and stop, for up to RetryPolicy::lost_answer_grace, to learn what was made.
    bool creates = false;
    bool authenticated = true;  ///< sends Authorization: Bearer <IAM token>
    std::vector<std::pair<std::string, std::string>> extra_headers;

    static RestCall Get(std::string url) { return Make("GET", std::move(url), std::nullopt); }
    static RestCall Delete(std::string url) { return Make("DELETE", std::move(url), std::nullopt); }
    static RestCall Post(std::string url, nlohmann::json body) { return Make("POST", std::move(url), std::move(body)); }
    static RestCall Patch(std::string url, nlohmann::json body) {
        return Make("PATCH", std::move(url), std::move(body));
    }

    // Each has an overload for temporaries that hands the call on by move, so the body (which
    // may carry a secret) reaches RestClient::Call, which wipes it, without an unwiped copy.
    RestCall& Mutating() & {
        mutating = true;
        return *this;
    }
    RestCall&& Mutating() && { return std::move(Mutating()); }
    RestCall& Creating() & {
        mutating = true;
        creates = true;
        return *this;
    }
    RestCall&& Creating() && { return std::move(Creating()); }
    RestCall& Unauthenticated() & {
        authenticated = false;
        return *this;
    }
    RestCall&& Unauthenticated() && { return std::move(Unauthenticated()); }
    RestCall& Header(std::string name, std::string value) & {
        extra_headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
    RestCall&& Header(std::string name, std::string value) && {
        return std::move(Header(std::move(name), std::move(value)));
    }

private:
    static RestCall Make(std::string method, std::string url, std::optional<nlohmann::json> body) {
        RestCall call;
        call.method = std::move(method);
        call.url = std::move(url);
        call.body = std::move(body);
        return call;
    }
};

/// JSON over HTTP to Yandex Cloud, with the conventions every call shares: authentication,
/// x-client-request-id, idempotency keys, retries with backoff, errors parsed into values, and
/// a debug log line per attempt that never includes headers or bodies.
///
/// Nothing is sent once the context's stop token is requested. A creating call whose request went
/// out but whose answer was lost is not abandoned: it is asked again with the same idempotency key
/// for up to RetryPolicy::lost_answer_grace, deadline and stop notwithstanding, so the caller
/// learns (and can record) what the server made. Other calls keep to their deadline.
class RestClient {
public:
    RestClient(http::CurlTransport& transport, RetryPolicy policy, TokenSource* tokens);

    /// The parsed JSON answer ({} for an empty body) or the error of the last attempt. The call
    /// is taken over: its body, and every copy of it and of the token made to send it, is wiped
    /// once the call is over, since it may carry a secret.
    Result<nlohmann::json> Call(RestCall call, const Context& context);

private:
    /// Call's attempts and retries.
    Result<nlohmann::json> Attempts(const RestCall& call, http::Request& request, const Context& context);
    /// Sends the request once; the answer, or the error with what is known about its fate.
    Result<nlohmann::json> Send(const RestCall& call,
                                http::Request& request,
                                const std::string& idempotency_key,
                                int attempt,
                                const Context& context,
                                std::optional<std::chrono::milliseconds>& retry_after);
    /// Repeats a creating call whose answer was lost, within the grace period.
    Result<nlohmann::json> RecoverLostAnswer(const RestCall& call,
                                             http::Request& request,
                                             const std::string& idempotency_key,
                                             const Error& lost);

    http::CurlTransport& transport_;
    RetryPolicy policy_;
    TokenSource* tokens_;
};

}  // namespace ycloud
