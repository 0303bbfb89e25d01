// The faults the emulator offers, one row each. The hang outlasts the key's operation timeout,
// so the provider's deadline passes while the call is held.
#include "acceptance-tests/fault_matrix/matrix.hpp"

namespace fault_matrix {

const std::vector<FaultKind>& FaultKinds() {
    static const std::vector<FaultKind> kinds = {
        {"429_once", {{"status", 429}}},
        {"429_always", {{"status", 429}, {"count", "all"}}},
        {"500", {{"status", 500}}},
        {"503", {{"status", 503}}},
        {"drop", {{"action", "drop"}}},
        {"timeout", {{"action", "timeout"}, {"timeoutMs", (kOperationTimeoutSeconds + 2) * 1000}}},
        {"drop_after", {{"action", "drop-after"}}},
        // Long enough to send the signal while the call is held, short of the operation timeout.
        {"sigint", {{"latencyMs", 3000}}, true, true},
    };
    return kinds;
}

}  // namespace fault_matrix
