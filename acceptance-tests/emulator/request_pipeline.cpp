#include "acceptance-tests/emulator/request_pipeline.hpp"

namespace emulator {

httplib::Server::HandlerResponse RequestPipeline::Before(const httplib::Request& request, httplib::Response& response) {
    if (request.path.rfind("/admin/", 0) == 0)
        return httplib::Server::HandlerResponse::Unhandled;
    store_.Change([&request](State& state) {
        state.user_agents.insert(request.get_header_value("User-Agent"));
        return ++state.call_counts[request.method + " " + request.path];
    });
    InFlight call;
    call.fault = faults_.Take(request.method, request.path);
    // Held before the fault is acted out: a call slowed by latency is one the server is still
    // handling, and a retry with the same key must wait for it rather than run beside it.
    if (const auto scope = IdempotencyScope(request); !scope.empty())
        call.idempotency_key = keys_.Acquire(scope);
    const bool answered = call.fault && Faults::Apply(*call.fault, response);
    {
        std::lock_guard lock(mutex_);
        in_flight_[&request] = std::move(call);
    }
    return answered ? httplib::Server::HandlerResponse::Handled : httplib::Server::HandlerResponse::Unhandled;
}

void RequestPipeline::After(const httplib::Request& request, httplib::Response& response) {
    InFlight call;
    {
        std::lock_guard lock(mutex_);
        auto found = in_flight_.find(&request);
        if (found == in_flight_.end())
            return;  // an admin call, or one httplib refused before routing
        call = std::move(found->second);
        in_flight_.erase(found);
    }
    // The answer is final and, when it is to be, remembered: a retry may have it now, even if
    // this one is delayed or lost below.
    call.idempotency_key.Release();
    if (call.fault)
        Faults::ApplyToAnswer(*call.fault, response);
}

}  // namespace emulator
