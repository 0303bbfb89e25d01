#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// The fault matrix's data: the resource's paths, the API calls each makes, the faults the
// emulator can inject, and the cases that combine them. Everything the suite runs is generated
// from these tables.
namespace fault_matrix {

/// One API call a path makes, as the emulator's fault matcher sees it: a method, an exact path
/// or a prefix ending in '*' (for ids that change from run to run), and which of the matching
/// calls of the step it is (1 for the first), since a step may read the same key twice.
struct Call {
    std::string method;
    std::string path;
    int occurrence = 1;
    /// A call of configuring the provider (endpoints, token), the same whatever the path does.
    bool configure = false;

    /// Changes something in the cloud (the token exchange does not).
    [[nodiscard]] bool Mutating() const { return method != "GET" && !configure; }
    /// `METHOD /path#n`, for messages.
    [[nodiscard]] std::string ToString() const;
    /// A part of a test name: letters, digits and underscores only.
    [[nodiscard]] std::string Label() const;
};

/// What the faulted step runs.
enum class StepKind {
    kApply,    ///< terraform apply of the step's configuration
    kDestroy,  ///< terraform destroy
    kRefresh,  ///< terraform apply -refresh-only
    kImport,   ///< terraform apply of the step's configuration with an import block for a key
               ///< made outside Terraform
};

/// A path of yandex_iam_service_account_api_key: a starting point reached fault-free, then the
/// step the faults hit. Bodies are attribute lines of the resource, with placeholders:
/// {PGP} (a pgp_key), {LOCKBOX} (the first secret, entry api_key), {LOCKBOX_ENTRY} (the same
/// secret, another entry), {LOCKBOX_OTHER} (the second secret).
struct Path {
    std::string name;
    std::vector<std::string> setup;  ///< configurations applied fault-free first, in order
    std::string step;
    StepKind kind = StepKind::kApply;
    /// The step makes the key, so a key it leaves tainted may be replaced by the next apply;
    /// any other path must keep the key it started with.
    bool creates = false;
    /// Every call the step makes when nothing fails (checked by the path's baseline case).
    std::vector<Call> calls;
};

/// A kind of fault: the emulator's fault document (method, path and skip are added per call),
/// or an interrupt of terraform while the call is in flight.
struct FaultKind {
    std::string name;
    nlohmann::json fault;
    bool interrupt = false;      ///< SIGINT to terraform while the call is held (by `fault`'s latency)
    bool mutating_only = false;  ///< only for calls that change something
};

/// One case: a path, one of its calls and a fault; or, with no fault, the path's baseline.
struct Case {
    const Path* path = nullptr;
    Call call;
    const FaultKind* fault = nullptr;  ///< null for the baseline

    [[nodiscard]] std::string Name() const;
};

/// How long every operation of the tested key may take (its timeouts block), in seconds: short,
/// so a hang past the deadline costs little.
inline constexpr int kOperationTimeoutSeconds = 5;

/// How long the emulator's operations take to finish: the provider polls each once (it waits a
/// second between polls).
inline constexpr int kOperationDelayMs = 300;

const std::vector<Path>& Paths();
const std::vector<FaultKind>& FaultKinds();

/// Every call of every path with every fault that applies to it, plus each path's baseline. A
/// configuring call is faulted in the first path that makes it: it happens before the provider
/// touches the key, so it fares the same in every path.
std::vector<Case> FullMatrix();
/// The same with configuring calls faulted in every path too.
std::vector<Case> FullProduct();
/// A subset that still covers every path, every call of each path and every fault kind at
/// least once, plus the cases the issue reported as bugs.
std::vector<Case> CoveringSubset();

}  // namespace fault_matrix
