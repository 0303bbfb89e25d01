#include "acceptance-tests/emulator/faults.hpp"

#include <chrono>
#include <thread>

#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

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
        Fault fault = *it;
        if (it->count > 0 && --it->count == 0)
            faults_.erase(it);
        return fault;
    }
    return std::nullopt;
}

std::optional<Fault> Faults::FromJson(const nlohmann::json& json, std::string& problem) {
    if (!json.is_object() || !json.contains("path") || !json["path"].is_string() ||
        json["path"].get<std::string>().empty()) {
        problem = "a fault needs a \"path\"";
        return std::nullopt;
    }
    Fault fault;
    fault.method = json.value("method", "");
    fault.path = json["path"].get<std::string>();
    fault.status = json.value("status", 0);
    fault.count = json.value("count", 1);
    fault.latency_ms = json.value("latencyMs", 0);
    fault.action = json.value("action", "");
    fault.timeout_ms = json.value("timeoutMs", 30'000);
    if (fault.status == 0 && fault.latency_ms == 0 && fault.action.empty()) {
        problem = "a fault needs a \"status\", a \"latencyMs\" or an \"action\"";
        return std::nullopt;
    }
    if (!fault.action.empty() && fault.action != "drop" && fault.action != "timeout") {
        problem = "\"action\" is \"drop\" or \"timeout\"";
        return std::nullopt;
    }
    return fault;
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
        // Promise a body and then fail to provide it: the client sees the connection break.
        response.set_content_provider(64, "application/json", [](size_t, size_t, httplib::DataSink&) { return false; });
        return true;
    }
    if (fault.status != 0) {
        SendError(response,
                  fault.status == 429 ? 8 : (fault.status >= 500 ? 14 : 3),
                  "fault injected by the emulator (HTTP " + std::to_string(fault.status) + ")");
        response.status = fault.status;
        return true;
    }
    return false;  // latency only: carry on to the real handler
}

}  // namespace emulator
