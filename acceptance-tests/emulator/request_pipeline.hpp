#pragma once

#include <httplib.h>

#include <map>
#include <mutex>
#include <optional>

#include "acceptance-tests/emulator/faults.hpp"
#include "acceptance-tests/emulator/idempotency.hpp"
#include "acceptance-tests/emulator/state.hpp"

namespace emulator {

/// What happens to every API call around its handler: it is counted, its fault is acted out, and
/// its Idempotency-Key is held from arrival until its answer is final. httplib calls Before as
/// the pre-routing handler and After as the post-routing one (the answer is complete, not yet
/// written), both with the same Request, on the thread that serves it.
class RequestPipeline {
public:
    RequestPipeline(Store& store, Faults& faults) : store_(store), faults_(faults) {}

    httplib::Server::HandlerResponse Before(const httplib::Request& request, httplib::Response& response);
    void After(const httplib::Request& request, httplib::Response& response);

private:
    /// What Before leaves for After.
    struct InFlight {
        std::optional<Fault> fault;
        KeysInFlight::Hold idempotency_key;
    };

    Store& store_;
    Faults& faults_;
    KeysInFlight keys_;
    std::mutex mutex_;
    std::map<const httplib::Request*, InFlight> in_flight_;
};

}  // namespace emulator
