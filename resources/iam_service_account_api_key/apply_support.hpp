#pragma once

#include <string>
#include <variant>

#include "client/client.hpp"
#include "resources/common/calls.hpp"
#include "resources/pgp/public_key.hpp"
#include "tfplugin/protocol/call_context.hpp"
#include "tfplugin/protocol/diagnostics.hpp"

// What the API key's create, read, update and delete share besides resources/common/: the note
// on a tainted key and the PGP key to encrypt the secret with.
namespace provider {

/// The sentence every error after a successful create ends with.
std::string TaintedKeyNote(const std::string& api_key_id);

/// The key `pgp_key` stands for: parsed from the text, or fetched from Keybase for
/// "keybase:<user>". On failure, a message for the user.
std::variant<pgp::PublicKey, std::string> ResolvePublicKey(ycloud::Client& client,
                                                           const std::string& pgp_key,
                                                           const ycloud::Context& context);

}  // namespace provider
