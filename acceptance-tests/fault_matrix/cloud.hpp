#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "acceptance-tests/fault_matrix/matrix.hpp"
#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"

// What the cloud (the emulator) and the Terraform state hold, compared: keys the state does not
// know, Lockbox versions the provider wrote and left ACTIVE without the state naming them.
namespace fault_matrix {

/// The API keys and Lockbox versions a state file names (tainted and deposed objects included).
struct StateView {
    std::set<std::string> keys;
    std::set<std::string> versions;
    /// Each instance's private data as the provider stored it (decoded from base64): where it
    /// remembers versions to retire at the next apply.
    std::string private_data;
};
StateView ReadState(const acceptance::TerraformWorkspace& workspace);

/// A Lockbox version, `secret/version`.
using VersionIds = std::set<std::string>;
/// Every version the emulator holds, in any status.
VersionIds AllVersions(const nlohmann::json& cloud);

/// Keys the cloud holds that the state does not name, except `outside` (a key made outside
/// Terraform on purpose, for import).
std::set<std::string> OrphanKeys(const nlohmann::json& cloud, const StateView& state, const std::string& outside = "");
/// ACTIVE versions that neither the seed made nor the state knows (by its attributes or the
/// private data where the provider remembers versions to retire): a working secret nobody
/// tracks or retires.
std::set<std::string> UntrackedVersions(const nlohmann::json& cloud, const VersionIds& seeded, const StateView& state);

/// callCounts of a step: the calls made between two /admin/state snapshots, by method and path
/// with ids turned into the fault matcher's '*'.
std::map<std::string, int> StepCalls(const nlohmann::json& before, const nlohmann::json& after);
/// How many calls matching `call`'s method and path were made between the snapshots.
int MatchingCalls(const nlohmann::json& before, const nlohmann::json& after, const Call& call);

/// Creates a key through the API, as someone outside Terraform would; returns its id.
std::string CreateKeyOutsideTerraform(const acceptance::EmulatorProcess& emulator);

}  // namespace fault_matrix
