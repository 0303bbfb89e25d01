#include "client/rest_client.hpp"

#include <spdlog/spdlog.h>

#include <random>

#include "client/request_id.hpp"
#include "client/wipe.hpp"

namespace ycloud {

namespace {

using Clock = std::chrono::steady_clock;

double Jitter() {
    thread_local std::mt19937 generator{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

void WipeHeaders(http::Request& request) {
    for (auto& header : request.headers)
        Wipe(header.second);
}

// The path of a URL without its query, for log lines.
std::string PathOf(const std::string& url) {
    const auto scheme = url.find("://");
    const auto path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (path == std::string::npos)
        return "/";
    return url.substr(path, url.find('?', path) - path);
}

Error StoppedBeforeSending(const RestCall& call) {
    Error error = Error::Of(GrpcCode::kCancelled,
                            "the call was cancelled before " + call.method + " " + PathOf(call.url) + " was sent");
    error.delivery = Delivery::kNotSent;
    return error;
}

// While recovering a lost answer, a server that is still busy with the first request may say so.
bool WorthAskingAgain(const Error& error) {
    return error.retryable || error.code == GrpcCode::kAborted || error.delivery != Delivery::kAnswered;
}

// An answer about the request itself, which the first request got too: what happened to it. An
// expired token, say, tells nothing about the first request.
bool IsVerdictOnTheRequest(const Error& error) {
    if (error.delivery != Delivery::kAnswered || error.http_status == 0)
        return false;
    switch (error.code) {
        case GrpcCode::kInvalidArgument:
        case GrpcCode::kNotFound:
        case GrpcCode::kAlreadyExists:
        case GrpcCode::kPermissionDenied:
        case GrpcCode::kFailedPrecondition:
        case GrpcCode::kOutOfRange:
        case GrpcCode::kUnimplemented:
            return true;
        default:
            return false;
    }
}

}  // namespace

RestClient::RestClient(http::CurlTransport& transport, RetryPolicy policy, TokenSource* tokens)
    : transport_(transport), policy_(policy), tokens_(tokens) {}

Result<nlohmann::json> RestClient::Send(const RestCall& call,
                                        http::Request& request,
                                        const std::string& idempotency_key,
                                        int attempt,
                                        const Context& context,
                                        std::optional<std::chrono::milliseconds>& retry_after) {
    WipeHeaders(request);  // the last attempt's Authorization header
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
        auto& header = request.headers.emplace_back("Authorization", "Bearer ");
        header.second += token.Value().Reveal();
    }

    const auto started = Clock::now();
    auto response = transport_.Perform(request, context);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    if (!response) {
        spdlog::debug("{} {} attempt {}: {} after {} ms",
                      call.method,
                      PathOf(call.url),
                      attempt + 1,
                      response.GetError().ToString(),
                      took);
        return response.GetError();
    }
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
        // The body is wiped when released; the JSON holds the only other copy, and the caller wipes
        // what it takes from it.
        auto json = nlohmann::json::parse(answer.body.begin(), answer.body.end(), nullptr, false);
        if (json.is_discarded()) {
            Error bad = Error::Of(GrpcCode::kInternal,
                                  "the answer to " + call.method + " " + PathOf(call.url) + " is not valid JSON");
            bad.http_status = answer.status;
            bad.request_id = request_id;
            return bad;
        }
        return json;
    }
    if (auto header = answer.headers.find("retry-after"); header != answer.headers.end())
        retry_after = ParseRetryAfter(header->second);
    return ErrorFromResponse(answer.status, answer.body, answer.headers);
}

Result<nlohmann::json> RestClient::Call(RestCall call, const Context& context) {
    http::Request request;
    request.method = call.method;
    request.url = call.url;
    if (call.body) {
        auto text = call.body->dump();
        request.body.assign(text.begin(), text.end());
        Wipe(text);
    }
    auto result = Attempts(call, request, context);
    WipeHeaders(request);
    if (call.body)
        WipeStrings(*call.body);
    return result;
}

Result<nlohmann::json> RestClient::Attempts(const RestCall& call, http::Request& request, const Context& context) {
    const std::string idempotency_key = call.mutating ? NewUuid() : std::string();
    // Set once a request of this call may have reached the server without its answer coming
    // back: from then on its effect is unknown, whatever later attempts say.
    std::optional<Error> lost;
    const auto named = [&](Error error) {
        if (error.call.empty())  // an error of the token exchange keeps naming that call
            error.call = call.method + " " + PathOf(call.url);
        return error;
    };
    const auto give_up = [&](Error error) -> Result<nlohmann::json> {
        if (!lost)
            return named(std::move(error));
        if (call.creates) {
            auto recovered = RecoverLostAnswer(call, request, idempotency_key, *lost);
            return recovered ? recovered : Result<nlohmann::json>(named(recovered.GetError()));
        }
        error.delivery = Delivery::kAnswerLost;
        error.message += " (an earlier attempt's answer was lost: it may have taken effect)";
        return named(std::move(error));
    };

    for (int attempt = 0;; ++attempt) {
        if (context.stop.stop_requested())
            return give_up(StoppedBeforeSending(call));
        std::optional<std::chrono::milliseconds> retry_after;
        auto answer = Send(call, request, idempotency_key, attempt, context, retry_after);
        if (answer)
            return answer;
        const auto error = answer.GetError();
        if (call.mutating && error.MayHaveTakenEffect())
            lost = error;
        // After a lost answer the server may still be busy with that request, and say so.
        const bool retryable = error.retryable || (lost && error.code == GrpcCode::kAborted);
        const auto delay = BackoffDelay(policy_, attempt, Jitter(), retry_after);
        // Another try is pointless, or there is no time for it: the real cause is more useful
        // than a timeout.
        if (!retryable || attempt >= policy_.max_retries || delay >= context.Remaining())
            return give_up(error);
        if (!SleepUnlessStopped(delay, context)) {
            Error cancelled = Error::Of(GrpcCode::kCancelled,
                                        "the call was cancelled while waiting to retry after: " + error.ToString());
            cancelled.delivery = Delivery::kNotSent;
            return give_up(cancelled);
        }
    }
}

Result<nlohmann::json> RestClient::RecoverLostAnswer(const RestCall& call,
                                                     http::Request& request,
                                                     const std::string& idempotency_key,
                                                     const Error& lost) {
    // Its own deadline and no stop token: the caller has given up waiting, but must still learn
    // what the server did, or a created object would be left behind unrecorded.
    Context grace;
    grace.deadline = Clock::now() + policy_.lost_answer_grace;
    spdlog::warn("{} {}: the answer was lost ({}); asking again with the same idempotency key",
                 call.method,
                 PathOf(call.url),
                 lost.ToString());
    std::optional<Error> last;
    for (int attempt = 0; !grace.Expired(); ++attempt) {
        std::optional<std::chrono::milliseconds> retry_after;
        auto answer = Send(call, request, idempotency_key, attempt, grace, retry_after);
        if (answer) {
            spdlog::info("{} {}: the lost answer was recovered", call.method, PathOf(call.url));
            return answer;
        }
        last = answer.GetError();
        if (IsVerdictOnTheRequest(*last))
            return *last;  // the server judged the request itself: the first fared the same
        if (!WorthAskingAgain(*last))
            break;
        const auto delay = BackoffDelay(policy_, attempt, Jitter(), retry_after);
        if (delay >= grace.Remaining())
            break;
        SleepUnlessStopped(delay, grace);
    }
    Error error = lost;
    error.message += "; the request may have taken effect, and asking again for " +
                     std::to_string(policy_.lost_answer_grace.count() / 1000) + " s did not tell" +
                     (last ? " (last: " + last->ToString() + ")" : "");
    return error;
}

}  // namespace ycloud
