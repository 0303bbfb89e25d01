#include "client/error.hpp"

#include <nlohmann/json.hpp>

namespace ycloud {

const char* GrpcCodeName(GrpcCode code) {
    switch (code) {
        case GrpcCode::kOk:
            return "OK";
        case GrpcCode::kCancelled:
            return "CANCELLED";
        case GrpcCode::kUnknown:
            return "UNKNOWN";
        case GrpcCode::kInvalidArgument:
            return "INVALID_ARGUMENT";
        case GrpcCode::kDeadlineExceeded:
            return "DEADLINE_EXCEEDED";
        case GrpcCode::kNotFound:
            return "NOT_FOUND";
        case GrpcCode::kAlreadyExists:
            return "ALREADY_EXISTS";
        case GrpcCode::kPermissionDenied:
            return "PERMISSION_DENIED";
        case GrpcCode::kResourceExhausted:
            return "RESOURCE_EXHAUSTED";
        case GrpcCode::kFailedPrecondition:
            return "FAILED_PRECONDITION";
        case GrpcCode::kAborted:
            return "ABORTED";
        case GrpcCode::kOutOfRange:
            return "OUT_OF_RANGE";
        case GrpcCode::kUnimplemented:
            return "UNIMPLEMENTED";
        case GrpcCode::kInternal:
            return "INTERNAL";
        case GrpcCode::kUnavailable:
            return "UNAVAILABLE";
        case GrpcCode::kDataLoss:
            return "DATA_LOSS";
        case GrpcCode::kUnauthenticated:
            return "UNAUTHENTICATED";
    }
    return "UNKNOWN";
}

std::string Error::ToString() const {
    std::string text = GrpcCodeName(code);
    if (http_status != 0)
        text += " (HTTP " + std::to_string(http_status) + ")";
    if (!message.empty())
        text += ": " + message;
    if (!request_id.empty())
        text += " [request id " + request_id + "]";
    return text;
}

GrpcCode CodeForHttpStatus(int http_status) {
    switch (http_status) {
        case 400:
            return GrpcCode::kInvalidArgument;
        case 401:
            return GrpcCode::kUnauthenticated;
        case 403:
            return GrpcCode::kPermissionDenied;
        case 404:
            return GrpcCode::kNotFound;
        case 409:
            return GrpcCode::kAborted;
        case 429:
            return GrpcCode::kResourceExhausted;
        case 499:
            return GrpcCode::kCancelled;
        case 501:
            return GrpcCode::kUnimplemented;
        case 503:
            return GrpcCode::kUnavailable;
        case 504:
            return GrpcCode::kDeadlineExceeded;
        default:
            return http_status >= 500 ? GrpcCode::kInternal : GrpcCode::kUnknown;
    }
}

Error ErrorFromResponse(int http_status, std::string_view body, const std::map<std::string, std::string>& headers) {
    Error error;
    error.http_status = http_status;
    error.code = CodeForHttpStatus(http_status);
    if (auto found = headers.find("x-request-id"); found != headers.end()) {
        error.request_id = found->second;
    }
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_object()) {
        if (json.contains("code") && json["code"].is_number_integer()) {
            const auto code = json["code"].get<int>();
            if (code >= 0 && code <= 16)
                error.code = static_cast<GrpcCode>(code);
        }
        if (json.contains("message") && json["message"].is_string()) {
            error.message = json["message"].get<std::string>();
        }
        for (const auto& detail : json.value("details", nlohmann::json::array())) {
            if (detail.is_object() && detail.contains("requestId") && detail["requestId"].is_string()) {
                error.request_id = detail["requestId"].get<std::string>();
            }
        }
    }
    if (error.message.empty()) {
        error.message = "the server answered HTTP " + std::to_string(http_status) + " without an explanation";
    }
    // Only overload and outages are worth another try; a 4xx will fail the same way again.
    error.retryable = http_status == 429 || http_status >= 500 || error.code == GrpcCode::kUnavailable;
    return error;
}

}  // namespace ycloud
