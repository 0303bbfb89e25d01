#pragma once

#include <string>

#include "acceptance-tests/fault_matrix/case_runner.hpp"

// The suite's figures: each case adds to the totals of its process and, when
// FAULT_MATRIX_RESULTS names a file, appends one line to it so scripts/fault-matrix can add up
// the totals of parallel runs.
namespace fault_matrix {

struct Totals {
    int cases = 0;
    int succeeded = 0;
    int clear_failures = 0;
    int unclear_failures = 0;
    int crashes = 0;
    int orphans = 0;    ///< cases that left a key the state did not know
    int untracked = 0;  ///< cases that left an ACTIVE version the state did not name
    int replacements = 0;
    int unrecovered = 0;  ///< the clean apply, plan or destroy afterwards failed
    int missed = 0;       ///< the fault never hit its call

    void Add(const CaseResult& result);
    [[nodiscard]] std::string ToString() const;
};

/// One line per case: name, verdict, and what went wrong, tab-separated.
std::string ResultLine(const std::string& name, const CaseResult& result);
/// Appends the line to FAULT_MATRIX_RESULTS, if set (one write, so parallel runs do not mix).
void RecordResult(const std::string& name, const CaseResult& result);

}  // namespace fault_matrix
