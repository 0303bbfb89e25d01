#pragma once

#include <optional>
#include <string>

#include "client/client.hpp"
#include "tfplugin/types/value.hpp"

// `output_to_lockbox`: the secret lives in a Lockbox secret version instead of the state.
namespace provider {

/// Where the secret goes: an entry of a Lockbox secret.
struct LockboxOutput {
    std::string secret_id;
    std::string entry_key;
    friend bool operator==(const LockboxOutput&, const LockboxOutput&) = default;
};

/// What an `output_to_lockbox` value (the list of at most one block) of a state, plan or config
/// says; nullopt when there is no block.
std::optional<LockboxOutput> LockboxOutputOf(const tfplugin::Value& blocks);

/// What WriteToLockbox did. The version id is known as soon as Lockbox names the new version, and
/// stays when waiting for it then fails (it may hold the secret: the state must record it, so it
/// is retired later rather than forgotten); it is cleared when Lockbox says the version failed.
struct LockboxWrite {
    std::string version_id;              ///< "" when no version was started
    std::optional<ycloud::Error> error;  ///< set when the write did not surely succeed
};

/// Writes the secret as a new version of the Lockbox secret, with the other entries of its current
/// version carried over, and waits for it.
LockboxWrite WriteToLockbox(ycloud::Client& client,
                            const LockboxOutput& output,
                            const ycloud::SecretString& secret,
                            const ycloud::Context& context);

/// The secret that an earlier WriteToLockbox put into `version_id`.
ycloud::Result<ycloud::SecretString> ReadFromLockbox(ycloud::Client& client,
                                                     const LockboxOutput& output,
                                                     const std::string& version_id,
                                                     const ycloud::Context& context);

/// Schedules the version for destruction (after Lockbox's default 7 days, so a mistake can still
/// be undone) and waits. A version or secret that is already gone or scheduled counts as done.
ycloud::Result<ycloud::Done> RetireLockboxVersion(ycloud::Client& client,
                                                  const std::string& secret_id,
                                                  const std::string& version_id,
                                                  const ycloud::Context& context);

}  // namespace provider
