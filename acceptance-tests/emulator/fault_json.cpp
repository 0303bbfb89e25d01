// The admin API's fault document (POST /admin/faults), read strictly: a misspelt field or a
// number given as text would otherwise leave a test running without the fault it asked for.
#include <set>

#include "acceptance-tests/emulator/faults.hpp"

namespace emulator {

namespace {

using nlohmann::json;

const std::set<std::string> kFields = {
    "method", "path", "status", "count", "skip", "latencyMs", "action", "timeoutMs", "answerDelayMs", "retryAfterS"};
const std::set<std::string> kActions = {"drop", "drop-after", "timeout"};

// A non-negative whole number of milliseconds from `field`, if present.
bool ReadMilliseconds(const json& document, const char* field, int& into, std::string& problem) {
    if (!document.contains(field))
        return true;
    const auto& value = document[field];
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > 3'600'000) {
        problem = std::string("\"") + field + "\" is a whole number of milliseconds, 0 to 3600000";
        return false;
    }
    into = value.get<int>();
    return true;
}

// `count`: how many matching calls the fault applies to; -1 or "all": every one.
bool ReadCount(const json& document, int& into, std::string& problem) {
    if (!document.contains("count"))
        return true;
    const auto& value = document["count"];
    if (value == "all" || value == Fault::kForever) {
        into = Fault::kForever;
        return true;
    }
    if (!value.is_number_integer() || value.get<std::int64_t>() < 1 || value.get<std::int64_t>() > 1'000'000) {
        problem = "\"count\" is a number of calls (at least 1), or -1 or \"all\" for every call";
        return false;
    }
    into = value.get<int>();
    return true;
}

// A whole number from 0 to `most` in `field`, if present.
bool ReadWhole(const json& document, const char* field, int most, int& into, std::string& problem) {
    if (!document.contains(field))
        return true;
    const auto& value = document[field];
    if (!value.is_number_integer() || value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > most) {
        problem = std::string("\"") + field + "\" is a whole number, 0 to " + std::to_string(most);
        return false;
    }
    into = value.get<int>();
    return true;
}

bool ReadText(const json& document, const char* field, std::string& into, std::string& problem) {
    if (!document.contains(field))
        return true;
    if (!document[field].is_string()) {
        problem = std::string("\"") + field + "\" is text";
        return false;
    }
    into = document[field].get<std::string>();
    return true;
}

}  // namespace

std::optional<Fault> Faults::FromJson(const json& document, std::string& problem) {
    if (!document.is_object()) {
        problem = "a fault is a JSON object";
        return std::nullopt;
    }
    for (const auto& [field, value] : document.items()) {
        if (kFields.count(field) == 0) {
            problem = "unknown field \"" + field + "\" in the fault";
            return std::nullopt;
        }
    }
    Fault fault;
    if (!ReadText(document, "method", fault.method, problem) || !ReadText(document, "path", fault.path, problem) ||
        !ReadText(document, "action", fault.action, problem) || !ReadCount(document, fault.count, problem) ||
        !ReadMilliseconds(document, "latencyMs", fault.latency_ms, problem) ||
        !ReadMilliseconds(document, "timeoutMs", fault.timeout_ms, problem) ||
        !ReadMilliseconds(document, "answerDelayMs", fault.answer_delay_ms, problem) ||
        !ReadWhole(document, "skip", 1'000'000, fault.skip, problem) ||
        !ReadWhole(document, "retryAfterS", 3600, fault.retry_after_s, problem)) {
        return std::nullopt;
    }
    if (fault.path.empty()) {
        problem = "a fault needs a \"path\"";
        return std::nullopt;
    }
    if (document.contains("status")) {
        const auto& status = document["status"];
        if (!status.is_number_integer() || status.get<int>() < 400 || status.get<int>() > 599) {
            problem = "\"status\" is an HTTP error status, 400 to 599";
            return std::nullopt;
        }
        fault.status = status.get<int>();
    }
    if (!fault.action.empty() && kActions.count(fault.action) == 0) {
        problem = "\"action\" is \"drop\", \"drop-after\" or \"timeout\"";
        return std::nullopt;
    }
    if (fault.status != 0 && !fault.action.empty()) {
        problem = "a fault has a \"status\" or an \"action\", not both";
        return std::nullopt;
    }
    if (fault.status == 0 && fault.latency_ms == 0 && fault.action.empty() && fault.answer_delay_ms == 0) {
        problem = "a fault needs a \"status\", a \"latencyMs\", an \"answerDelayMs\" or an \"action\"";
        return std::nullopt;
    }
    return fault;
}

}  // namespace emulator
