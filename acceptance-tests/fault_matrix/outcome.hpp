#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// How a faulted terraform command ended, judged from its output: it succeeded, failed with an
// error a person can act on, or failed in a way that must never reach a user.
namespace fault_matrix {

enum class Verdict {
    kSucceeded,
    kClearFailure,    ///< error diagnostics that say what failed
    kUnclearFailure,  ///< it failed, but no error says what failed
    kCrash,           ///< the plugin crashed, panicked or reported an internal error
};

const char* VerdictName(Verdict verdict);

/// Error diagnostics of `terraform ... -json` output (one JSON object per line).
nlohmann::json ErrorDiagnostics(const std::string& json_lines);

/// Judges a command from its exit code and everything it printed (stdout and stderr).
Verdict Judge(int exit_code, const std::string& json_lines, const std::string& everything);

/// The first error's summary and detail on one line, for reports.
std::string FirstError(const std::string& json_lines);

/// The action Terraform planned for the key in `plan -json` output: "create", "update",
/// "replace", "delete", "noop" (no change line), ...
std::string PlannedAction(const std::string& json_lines);

}  // namespace fault_matrix
