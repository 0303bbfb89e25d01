#include "client/rest_client.hpp"

#include <spdlog/spdlog.h>

#include <random>

#include "client/request_id.hpp"

namespace ycloud {

namespace {

using Clock = std::chrono::steady_clock;

double Jitter() {
    thread_local std::mt19937 generator{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

// The path of a URL without its query, for log lines.
std::string PathOf(const std::string& url) {
    const auto scheme = url.find("://");
    const auto path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (path == std::string::npos)
        return "/";
    return url.substr(path, url.find('?', path) - path);
}

}  // namespace

RestClient::RestClient(http::CurlTransport& transport, RetryPolicy policy, TokenSource* tokens)
    : transport_(transport), policy_(policy), tokens_(tokens) {}

Result<nlohmann::json> RestClient::Call(const RestCall& call, const Context& context) {
    http::Request request;
    request.method = call.method;
    request.url = call.url;
    if (call.body)
        request.body = call.body->dump();
    const std::string idempotency_key = call.mutating ? NewUuid() : std::string();

    for (int attempt = 0;; ++attempt) {
        request.headers = {{"Accept", "application/json"}, {"x-client-request-id", NewUuid()}};
        if (call.body)
            request.headers.emplace_back("Content-Type", "application/json");
        if (call.mutating)
            request.headers.emplace_back("Idempotency-Key", idempotency_key);
        request.headers.insert(request.headers.end(), call.extra_headers.begin(), call.extra_headers.end());
        if (call.authenticated) {
            auto token = tokens_->IamToken(context);
            if (!token)
                return token.GetError();
            request.headers.emplace_back("Authorization", "Bearer " + std::string(token.Value().Reveal()));
        }

        const auto started = Clock::now();
        auto response = transport_.Perform(request, context);
        const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
        std::optional<Error> error;
        std::optional<std::chrono::milliseconds> retry_after;
        if (!response) {
            error = response.GetError();
            spdlog::debug("{} {} attempt {}: {} after {} ms",
                          call.method,
                          PathOf(call.url),
                          attempt + 1,
                          error->ToString(),
                          took);
        } else {
            const auto& answer = response.Value();
            const auto request_id = answer.headers.count("x-request-id") ? answer.headers.at("x-request-id") : "";
            spdlog::debug("{} {} attempt {}: HTTP {} in {} ms, request id {}",
                          call.method,
                          PathOf(call.url),
                          attempt + 1,
                          answer.status,
                          took,
                          request_id);
            if (answer.status >= 200 && answer.status < 300) {
                if (answer.body.empty())
                    return nlohmann::json::object();
                auto json = nlohmann::json::parse(answer.body, nullptr, false);
                if (json.is_discarded()) {
                    Error bad;
                    bad.http_status = answer.status;
                    bad.code = GrpcCode::kInternal;
                    bad.request_id = request_id;
                    bad.message = "the answer to " + call.method + " " + PathOf(call.url) + " is not valid JSON";
                    return bad;
                }
                return json;
            }
            error = ErrorFromResponse(answer.status, answer.body, answer.headers);
            if (auto header = answer.headers.find("retry-after"); header != answer.headers.end()) {
                retry_after = ParseRetryAfter(header->second);
            }
        }
        if (!error->retryable || attempt >= policy_.max_retries) {
            return *error;
        }
        const auto delay = BackoffDelay(policy_, attempt, Jitter(), retry_after);
        if (delay >= context.Remaining()) {
            return *error;  // no time left for another try: the real cause is more useful than a timeout
        }
        if (!SleepUnlessStopped(delay, context)) {
            Error cancelled;
            cancelled.code = GrpcCode::kCancelled;
            cancelled.message = "the call was cancelled while waiting to retry after: " + error->ToString();
            return cancelled;
        }
    }
}

}  // namespace ycloud
