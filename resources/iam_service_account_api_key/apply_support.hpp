#pragma once

#include <chrono>
#include <string>
#include <variant>

#include "client/client.hpp"
#include "resources/pgp/public_key.hpp"
#include "tfplugin/protocol/call_context.hpp"
#include "tfplugin/protocol/diagnostics.hpp"

// What create, read, update and delete share: bounded client calls, error reporting, and the
// PGP key to encrypt the secret with.
namespace provider {

/// The official provider's default for every operation, when `timeouts` sets none.
constexpr std::chrono::nanoseconds kDefaultOperationTimeout = std::chrono::minutes(20);

/// A client call context that stops with Terraform's StopProvider or after `timeout`.
ycloud::Context CallContextFor(const tfplugin::CallContext& ctx, std::chrono::nanoseconds timeout);

void AddApiError(tfplugin::Diagnostics& diagnostics, const std::string& summary, const ycloud::Error& error);

/// The sentence every error after a successful create ends with.
std::string TaintedKeyNote(const std::string& api_key_id);

/// The key `pgp_key` stands for: parsed from the text, or fetched from Keybase for
/// "keybase:<user>". On failure, a message for the user.
std::variant<pgp::PublicKey, std::string> ResolvePublicKey(ycloud::Client& client,
                                                           const std::string& pgp_key,
                                                           const ycloud::Context& context);

}  // namespace provider
