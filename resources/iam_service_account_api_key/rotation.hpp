#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "resources/iam_service_account_api_key/model.hpp"
#include "tfplugin/framework/private_state.hpp"

// `rotate_after`: a key at least that old is replaced. Its age is taken at the refresh, not at the
// plan: Terraform plans again during the apply (without a refresh), and a key that came of age in
// between must not turn an update into a replacement. The refresh records its time in the
// private state only when the key is due by the `rotate_after` the state holds, so a refresh of
// a key that is not due changes nothing and Terraform writes no new state for it.
namespace provider {

/// At a refresh: records the time `now` when `state` is due for rotation, and removes the record
/// when it is not.
void RecordRotationCheck(tfplugin::framework::PrivateState& private_state,
                         const ApiKeyModel& state,
                         std::chrono::system_clock::time_point now);
/// Whether the last refresh found the key due.
bool FoundDue(const tfplugin::framework::PrivateState& private_state);

/// Why `planned` (a plan of an existing key) is due for rotation, judged with its own
/// `rotate_after` at the refresh `prior_private` recorded; nullopt when it is not, or when that
/// cannot be told (no record, unknown or unset `rotate_after`).
std::optional<std::string> RotationDue(const ApiKeyModel& planned,
                                       const tfplugin::framework::PrivateState& prior_private);

}  // namespace provider
