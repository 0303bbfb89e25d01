#include "acceptance-tests/fault_matrix/outcome.hpp"

#include <array>
#include <sstream>

namespace fault_matrix {

namespace {

using nlohmann::json;

constexpr const char* kKeyAddress = "yandex_iam_service_account_api_key.key";

// What Terraform or the framework print when the provider itself broke, as opposed to the
// cloud refusing or failing a call.
constexpr std::array<const char*, 8> kCrashMarkers = {"plugin crashed",
                                                      "Plugin did not respond",
                                                      "Internal provider error",
                                                      "panic:",
                                                      "The plugin encountered an error",
                                                      "unexpected EOF",
                                                      "SIGSEGV",
                                                      "terminate called"};

// Words that tie an error to the thing that failed: the API object or the provider's setup; or
// Terraform's own word that the user interrupted it, when the provider finished what it was doing
// without an error of its own.
constexpr std::array<const char*, 10> kNamesWhatFailed = {"API key",
                                                          "Lockbox",
                                                          "IAM token",
                                                          "operation",
                                                          "endpoint",
                                                          "api key",
                                                          "version",
                                                          "/iam/",
                                                          "/lockbox/",
                                                          "execution halted"};

std::vector<json> Messages(const std::string& json_lines) {
    std::vector<json> messages;
    std::istringstream lines(json_lines);
    for (std::string line; std::getline(lines, line);) {
        auto message = json::parse(line, nullptr, false);
        if (!message.is_discarded() && message.is_object())
            messages.push_back(std::move(message));
    }
    return messages;
}

bool Contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

const char* VerdictName(Verdict verdict) {
    switch (verdict) {
        case Verdict::kSucceeded:
            return "succeeded";
        case Verdict::kClearFailure:
            return "clear-failure";
        case Verdict::kUnclearFailure:
            return "unclear-failure";
        case Verdict::kCrash:
            return "crash";
    }
    return "?";
}

json ErrorDiagnostics(const std::string& json_lines) {
    json errors = json::array();
    for (const auto& message : Messages(json_lines)) {
        if (message.value("type", "") == "diagnostic" && message["diagnostic"].value("severity", "") == "error")
            errors.push_back(message["diagnostic"]);
    }
    return errors;
}

Verdict Judge(int exit_code, const std::string& json_lines, const std::string& everything) {
    for (const auto* marker : kCrashMarkers) {
        if (Contains(everything, marker))
            return Verdict::kCrash;
    }
    if (exit_code == 0)
        return Verdict::kSucceeded;
    for (const auto& error : ErrorDiagnostics(json_lines)) {
        const auto text = error.value("summary", "") + " " + error.value("detail", "");
        for (const auto* name : kNamesWhatFailed) {
            if (Contains(text, name))
                return Verdict::kClearFailure;
        }
    }
    return Verdict::kUnclearFailure;
}

std::string FirstError(const std::string& json_lines) {
    const auto errors = ErrorDiagnostics(json_lines);
    if (errors.empty())
        return "";
    auto text = errors[0].value("summary", "") + ": " + errors[0].value("detail", "");
    for (auto& c : text) {
        if (c == '\n' || c == '\t')
            c = ' ';
    }
    return text;
}

std::string PlannedAction(const std::string& json_lines) {
    for (const auto& message : Messages(json_lines)) {
        if (message.value("type", "") != "planned_change")
            continue;
        const auto& change = message["change"];
        if (change["resource"].value("addr", "") == kKeyAddress)
            return change.value("action", "?");
    }
    return "noop";
}

}  // namespace fault_matrix
