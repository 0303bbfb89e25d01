#include "acceptance-tests/emulator/faults.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

namespace {

// The gRPC code Yandex Cloud's REST gateway puts in the body with each HTTP status (the
// grpc-gateway mapping), so a faulted answer reads like a real one: a 404 is NOT_FOUND.
int GrpcCodeOfStatus(int status) {
    switch (status) {
        case 400:
            return 3;  // INVALID_ARGUMENT
        case 401:
            return 16;  // UNAUTHENTICATED
        case 403:
            return 7;  // PERMISSION_DENIED
        case 404:
            return 5;  // NOT_FOUND
        case 409:
            return 10;  // ABORTED
        case 412:
            return 9;  // FAILED_PRECONDITION
        case 429:
            return 8;  // RESOURCE_EXHAUSTED
        case 499:
            return 1;  // CANCELLED
        case 501:
            return 12;  // UNIMPLEMENTED
        case 503:
            return 14;  // UNAVAILABLE
        case 504:
            return 4;  // DEADLINE_EXCEEDED
        default:
            return status >= 500 ? 13 : 3;  // INTERNAL, or INVALID_ARGUMENT for other 4xx
    }
}

// Promises a body of `length` bytes and then fails to provide it: httplib closes the connection
// and the client sees it break.
void BreakConnection(httplib::Response& response, std::size_t length) {
    response.headers.erase("Content-Type");  // set again below; two would be a malformed answer
    response.set_content_provider(length, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
}

}  // namespace

void Faults::Add(Fault fault) {
    std::lock_guard lock(mutex_);
    faults_.push_back(std::move(fault));
}

void Faults::Clear() {
    std::lock_guard lock(mutex_);
    faults_.clear();
}

std::optional<Fault> Faults::Take(const std::string& method, const std::string& path) {
    std::lock_guard lock(mutex_);
    for (auto it = faults_.begin(); it != faults_.end(); ++it) {
        const bool method_matches = it->method.empty() || it->method == method;
        const bool path_matches =
            it->path.back() == '*' ? path.rfind(it->path.substr(0, it->path.size() - 1), 0) == 0 : path == it->path;
        if (!method_matches || !path_matches)
            continue;
        if (it->skip > 0) {
            --it->skip;  // this call goes by, as if the fault were not there yet
            continue;
        }
        Fault fault = *it;
        if (it->count > 0 && --it->count == 0)
            faults_.erase(it);
        return fault;
    }
    return std::nullopt;
}

bool Faults::Apply(const Fault& fault, httplib::Response& response) {
    if (fault.latency_ms > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(fault.latency_ms));
    }
    if (fault.action == "timeout") {
        std::this_thread::sleep_for(std::chrono::milliseconds(fault.timeout_ms));
        SendError(response, 4, "the emulator let this call time out");
        return true;
    }
    if (fault.action == "drop") {
        BreakConnection(response, 64);
        return true;
    }
    if (fault.status != 0) {
        SendError(response,
                  GrpcCodeOfStatus(fault.status),
                  "fault injected by the emulator (HTTP " + std::to_string(fault.status) + ")");
        response.status = fault.status;
        if (fault.status == 429)
            response.set_header("Retry-After", std::to_string(fault.retry_after_s));
        return true;
    }
    return false;  // latency, or parts that act on the answer: carry on to the real handler
}

void Faults::ApplyToAnswer(const Fault& fault, httplib::Response& response) {
    if (fault.answer_delay_ms > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(fault.answer_delay_ms));
    }
    if (fault.action == "drop-after") {
        // The handler's answer is lost on the way: the status line and headers go out, its body
        // never does.
        const auto length = std::max<std::size_t>(response.body.size(), 1);
        response.body.clear();
        BreakConnection(response, length);
    }
}

}  // namespace emulator
