#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace ycloud {

/// gRPC status codes, as Yandex Cloud reports them in REST error bodies.
enum class GrpcCode : int {
    kOk = 0,
    kCancelled = 1,
    kUnknown = 2,
    kInvalidArgument = 3,
    kDeadlineExceeded = 4,
    kNotFound = 5,
    kAlreadyExists = 6,
    kPermissionDenied = 7,
    kResourceExhausted = 8,
    kFailedPrecondition = 9,
    kAborted = 10,
    kOutOfRange = 11,
    kUnimplemented = 12,
    kInternal = 13,
    kUnavailable = 14,
    kDataLoss = 15,
    kUnauthenticated = 16,
};

const char* GrpcCodeName(GrpcCode code);

/// How far a failed call got, which decides what the caller may assume about its effect.
enum class Delivery : std::uint8_t {
    kAnswered,     ///< the server answered with an error, or this side found one: no guessing needed
    kUnreachable,  ///< no connection could be made (refused, unresolvable, TLS handshake failed)
    kNotSent,      ///< stopped or out of time before the request was sent: it had no effect
    kAnswerLost,   ///< the request may have reached the server, but no complete answer came back
};

/// A failed call, as a value. `http_status` is 0 when no HTTP answer arrived (network error,
/// timeout, cancellation).
struct Error {
    int http_status = 0;
    GrpcCode code = GrpcCode::kUnknown;
    std::string message;     ///< for a person; never holds a secret
    std::string request_id;  ///< the server's request id, to quote to support
    /// The call that failed, "GET /endpoints": where in a chain of calls (endpoint lookup, token
    /// exchange, the call itself) the failure happened. Empty for errors found without a call.
    std::string call;
    bool retryable = false;
    Delivery delivery = Delivery::kAnswered;
    /// The TLS handshake failed because the server answered in plain HTTP.
    bool server_speaks_plain_http = false;

    /// An error found on this side of the wire (a malformed answer, a missing value): a code
    /// and a message, nothing from a server.
    [[nodiscard]] static Error Of(GrpcCode code, std::string message) {
        Error error;
        error.code = code;
        error.message = std::move(message);
        return error;
    }

    [[nodiscard]] bool IsNotFound() const { return code == GrpcCode::kNotFound; }
    /// Whether a mutating call that failed so may nevertheless have changed something.
    [[nodiscard]] bool MayHaveTakenEffect() const { return delivery == Delivery::kAnswerLost; }
    /// "NOT_FOUND (HTTP 404): API key ajeXXX not found [request id 1234]".
    [[nodiscard]] std::string ToString() const;
};

/// The error of an HTTP answer with a failure status: Yandex Cloud's JSON body
/// {"code", "message", "details": [{"@type": ".../google.rpc.RequestInfo", "requestId"}]} when
/// there is one, else the status alone. `headers` are lowercase names.
Error ErrorFromResponse(int http_status, std::string_view body, const std::map<std::string, std::string>& headers);

/// The gRPC code Yandex Cloud's gateway maps an HTTP status to, for bodies without one.
GrpcCode CodeForHttpStatus(int http_status);

}  // namespace ycloud
