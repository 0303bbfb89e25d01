#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "resources/iam_service_account_api_key/model.hpp"
#include "tfplugin/framework/private_state.hpp"

// `rotate_after`: a key older than that is replaced. Its age is taken at the refresh, whose time
// the private state keeps, and not at the plan: Terraform plans again during the apply (without a
// refresh), and a key that came of age in between must not turn an update into a replacement.
namespace provider {

/// Records when the refresh saw the key.
void RememberRefreshTime(tfplugin::framework::PrivateState& private_state, std::chrono::system_clock::time_point now);
/// Removes the record: a new key is planned, whose age no refresh has seen yet.
void ForgetRefreshTime(tfplugin::framework::PrivateState& private_state);

/// Whether a refresh recorded its time, so that `rotate_after` decides about a replacement.
bool HasRefreshTime(const tfplugin::framework::PrivateState& private_state);

/// Why `planned` (a plan of an existing key) is due for rotation at the refresh `prior_private`
/// recorded, or nullopt when it is not, or when that cannot be told yet (no refresh, unknown or
/// unset `rotate_after`).
std::optional<std::string> RotationDue(const ApiKeyModel& planned,
                                       const tfplugin::framework::PrivateState& prior_private);

}  // namespace provider
