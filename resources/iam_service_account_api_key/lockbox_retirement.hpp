#pragma once

#include <string>
#include <vector>

#include "client/client.hpp"
#include "resources/iam_service_account_api_key/model.hpp"
#include "tfplugin/framework/private_state.hpp"
#include "tfplugin/protocol/diagnostics.hpp"

// Lockbox versions that held a secret of the key and still have to be scheduled for destruction
// because an earlier attempt failed. They live in the resource's private state, so they are
// neither forgotten nor shown as attributes, and every later apply (or the delete) retries them.
namespace provider {

struct VersionToRetire {
    std::string secret_id;
    std::string version_id;
    /// Left when writing the secret's new home was not confirmed (the wait for Lockbox's
    /// operation failed): retired only once that home is read back holding the secret.
    bool confirm_new_home = false;
    friend bool operator==(const VersionToRetire& a, const VersionToRetire& b) {
        return a.secret_id == b.secret_id && a.version_id == b.version_id;
    }
};

[[nodiscard]] std::vector<VersionToRetire> VersionsToRetire(const tfplugin::framework::PrivateState& private_state);
void RememberVersionsToRetire(tfplugin::framework::PrivateState& private_state,
                              const std::vector<VersionToRetire>& versions);

/// The Lockbox versions a state still has to retire: those remembered, and the one it names.
[[nodiscard]] std::vector<VersionToRetire> VersionsToRetire(const ApiKeyModel& state,
                                                            const tfplugin::framework::PrivateState& private_state);

/// Adds the Lockbox version `state` names, if it names one and `versions` does not hold it yet.
void AddNamedVersion(const ApiKeyModel& state, bool confirm_new_home, std::vector<VersionToRetire>& versions);

/// Marks that the key was found deleted outside Terraform while Lockbox versions still hold its
/// secret: the resource stays in state, so the plan replaces it and its delete retires them.
void MarkKeyGone(tfplugin::framework::PrivateState& private_state);
/// Removes the mark: the key exists after all, or a new key is planned.
void ClearKeyGone(tfplugin::framework::PrivateState& private_state);
[[nodiscard]] bool KeyGone(const tfplugin::framework::PrivateState& private_state);

/// Schedules each version for destruction. Those that fail stay in `versions`, each with an
/// error on `output_to_lockbox` saying the next apply tries again. `home_confirmed` says whether
/// the secret's present home is sure; versions that wait for that are kept until it is.
void RetireVersions(ycloud::Client& client,
                    std::vector<VersionToRetire>& versions,
                    bool home_confirmed,
                    const ycloud::Context& context,
                    tfplugin::Diagnostics& diagnostics);

}  // namespace provider
