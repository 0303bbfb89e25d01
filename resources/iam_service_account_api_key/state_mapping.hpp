#pragma once

#include <string>
#include <vector>

#include "client/services/api_keys.hpp"
#include "resources/iam_service_account_api_key/model.hpp"

// Between the API's ApiKey and the resource's state, keeping what the user wrote whenever the
// cloud means the same thing, so that no plan shows a change that is not one.
namespace provider {

/// Whether the state keeps the key's secret in plaintext (not imported, not only PGP-encrypted,
/// not in Lockbox). Asked without copying the secret.
bool HoldsPlaintextSecret(const ApiKeyModel& state);

/// Timestamps as the official provider writes them: RFC 3339 in UTC, whole seconds.
std::string NormaliseTimestamp(const std::string& text);

/// Whether `reported`, a timestamp from the API, is the instant `written` names, to the precision
/// the API answered with: an API that keeps fewer fraction digits (whole seconds, say) still
/// reports the same expiry.
bool SameInstantAsReported(const std::string& written, const std::string& reported);

/// Writes the cloud's view of the key into `state`: id, service account, description, scopes (in
/// the order `state` had when the set is the same), scope, expiry (kept as written when it is the
/// same instant), creation time. Empty values the configuration wrote are the framework's to keep
/// (see tfplugin/framework/state_chores.hpp).
void WriteApiKey(ApiKeyModel& state, const ycloud::ApiKey& key);

}  // namespace provider
