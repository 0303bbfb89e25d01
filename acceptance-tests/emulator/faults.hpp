#pragma once

#include <httplib.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace emulator {

/// One injected fault, matched by method and path (an exact path, or a prefix ending in '*').
/// Some parts act before the handler (latency, status, drop, timeout): the call has no effect,
/// or a late one. The others act on the handler's answer (answer delay, drop-after): the call
/// takes effect and only its answer is late or lost.
struct Fault {
    static constexpr int kForever = -1;

    std::string method;
    std::string path;
    int status = 0;      ///< answer this status (with a Yandex error body) instead of handling the call
    int count = 1;       ///< for this many matching calls; kForever: every one
    int latency_ms = 0;  ///< wait this long before handling the call
    /// "drop": break the connection instead of handling the call; "timeout": hang (timeout_ms),
    /// then answer DEADLINE_EXCEEDED; "drop-after": handle the call, then break the connection
    /// instead of answering.
    std::string action;
    int timeout_ms = 30'000;
    int answer_delay_ms = 0;  ///< handle the call at once, then wait this long before answering
    /// Let this many matching calls through untouched first, so a test can hit the second GET
    /// of a key (the one after an update) rather than the refresh before it.
    int skip = 0;
    /// Seconds a 429 answer asks the client to wait (its Retry-After header), as Yandex Cloud's
    /// gateway sends with RESOURCE_EXHAUSTED.
    int retry_after_s = 1;
};

/// Faults set through the admin API. Each call takes the first fault that matches it.
class Faults {
public:
    void Add(Fault fault);
    void Clear();
    /// The fault that applies to this request, consuming one of its uses.
    std::optional<Fault> Take(const std::string& method, const std::string& path);

    static std::optional<Fault> FromJson(const nlohmann::json& json, std::string& problem);
    /// Acts out the parts of a fault that come before the handler; true when they answered the
    /// call, so the handler must not run.
    static bool Apply(const Fault& fault, httplib::Response& response);
    /// Acts out the parts of a fault that come after the handler, on its answer.
    static void ApplyToAnswer(const Fault& fault, httplib::Response& response);

private:
    std::mutex mutex_;
    std::vector<Fault> faults_;
};

}  // namespace emulator
