#pragma once

#include "client/client.hpp"
#include "tfplugin/protocol/diagnostics.hpp"

namespace provider {

/// Turns a failed credentials check at configuration time into the diagnostic a user can act on:
/// the endpoint cannot be reached (with a hint at `plaintext` when TLS met plain HTTP), the token
/// or key was rejected (how to get a fresh one), or there are no credentials at all (the provider
/// arguments and YC_* variables that give them). Each names the setting to fix.
void AddConfigureError(const ycloud::ClientConfig& config,
                       const ycloud::Error& error,
                       tfplugin::Diagnostics& diagnostics);

}  // namespace provider
