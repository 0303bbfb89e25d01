#pragma once

#include <map>
#include <set>
#include <string>

#include "acceptance-tests/fault_matrix/matrix.hpp"
#include "acceptance-tests/fault_matrix/outcome.hpp"

namespace fault_matrix {

/// What one case found. Secrets never appear here: only ids, actions and error texts.
struct CaseResult {
    Verdict verdict = Verdict::kSucceeded;
    std::string error;                ///< the faulted step's first error
    bool fault_hit = true;            ///< the step made the faulted call (else the table is stale)
    std::set<std::string> orphans;    ///< keys the state did not know, after the step or later
    std::set<std::string> untracked;  ///< ACTIVE provider-written versions the state did not name
    std::string recovery_action;      ///< what the plan after the fault proposed for the key
    bool unwanted_replacement = false;
    std::string recovery_problem;           ///< the clean apply, plan or destroy after the fault failed
    std::map<std::string, int> step_calls;  ///< calls of the step by `METHOD pattern`
    double seconds = 0;

    [[nodiscard]] bool Passed() const;
};

/// Runs one case against its own emulator and workspace: the path's setup fault-free, the step
/// with the fault, then recovery without faults and destroy, checking the cloud all along.
CaseResult RunCase(const Case& c);

}  // namespace fault_matrix
