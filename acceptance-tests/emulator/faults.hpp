#pragma once

#include <httplib.h>

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace emulator {

/// One injected fault, matched by method and path (an exact path, or a prefix ending in '*').
struct Fault {
    std::string method;
    std::string path;
    int status = 0;      ///< answer this status (with a Yandex error body)
    int count = 1;       ///< for this many matching calls; -1: forever
    int latency_ms = 0;  ///< wait this long first
    std::string action;  ///< "drop": close the connection; "timeout": hang (timeout_ms)
    int timeout_ms = 30'000;
};

/// Faults set through the admin API, applied before routing.
class Faults {
public:
    void Add(Fault fault);
    void Clear();
    /// The fault that applies to this request, consuming one of its uses.
    std::optional<Fault> Take(const std::string& method, const std::string& path);

    static std::optional<Fault> FromJson(const nlohmann::json& json, std::string& problem);
    /// Acts out a fault on the response; true when the request is fully handled.
    static bool Apply(const Fault& fault, httplib::Response& response);

private:
    std::mutex mutex_;
    std::vector<Fault> faults_;
};

}  // namespace emulator
