#include "acceptance-tests/emulator/state.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "acceptance-tests/emulator/timestamp.hpp"

namespace emulator {

namespace {

using nlohmann::json;

json KeyToJson(const ApiKeyRecord& key) {
    return {{"id", key.id},
            {"serviceAccountId", key.service_account_id},
            {"createdAt", key.created_at},
            {"description", key.description},
            {"lastUsedAt", key.last_used_at},
            {"scope", key.scope},
            {"scopes", key.scopes},
            {"expiresAt", key.expires_at},
            {"secretSha256", key.secret_sha256},
            {"maskedSecret", key.masked_secret}};
}

// Timestamps from a state file are brought to the form the emulator writes now, whichever
// version of it wrote them.
ApiKeyRecord KeyFromJson(const json& object) {
    ApiKeyRecord key;
    key.id = object.value("id", "");
    key.service_account_id = object.value("serviceAccountId", "");
    key.created_at = CanonicalRfc3339(object.value("createdAt", ""));
    key.description = object.value("description", "");
    key.last_used_at = CanonicalRfc3339(object.value("lastUsedAt", ""));
    key.scope = object.value("scope", "");
    key.scopes = object.value("scopes", std::vector<std::string>{});
    key.expires_at = CanonicalRfc3339(object.value("expiresAt", ""));
    key.secret_sha256 = object.value("secretSha256", "");
    key.masked_secret = object.value("maskedSecret", "");
    return key;
}

json VersionToJson(const LockboxVersionRecord& version, bool with_payloads) {
    json entries = json::object();
    std::vector<std::string> keys;
    for (const auto& [key, value] : version.entries) {
        entries[key] = value;
        keys.push_back(key);
    }
    json result = {{"id", version.id},
                   {"createdAt", version.created_at},
                   {"destroyAt", version.destroy_at},
                   {"status", version.status},
                   {"description", version.description},
                   {"payloadEntryKeys", keys}};
    if (with_payloads)
        result["entries"] = entries;
    return result;
}

LockboxVersionRecord VersionFromJson(const json& object) {
    LockboxVersionRecord version;
    version.id = object.value("id", "");
    version.created_at = CanonicalRfc3339(object.value("createdAt", ""));
    version.destroy_at = CanonicalRfc3339(object.value("destroyAt", ""));
    version.status = object.value("status", "ACTIVE");
    version.description = object.value("description", "");
    version.entries = object.value("entries", std::map<std::string, std::string>{});
    return version;
}

}  // namespace

void State::Merge(const json& seed) {
    for (const auto& account : seed.value("serviceAccounts", json::array())) {
        service_accounts.insert(account.get<std::string>());
    }
    for (const auto& token : seed.value("oauthTokens", json::array())) {
        oauth_tokens.insert(token.get<std::string>());
    }
    for (const auto& token : seed.value("iamTokens", json::array())) {
        iam_tokens.emplace(token.get<std::string>(), 0);
    }
    for (const auto& key : seed.value("authorizedKeys", json::array())) {
        AuthorizedKeyRecord record{key.value("id", ""), key.value("serviceAccountId", ""), key.value("publicKey", "")};
        service_accounts.insert(record.service_account_id);
        authorized_keys[record.id] = record;
    }
    const auto keybase = seed.value("keybaseUsers", json::object());  // items() needs a live object
    for (const auto& [user, armored_key] : keybase.items()) {
        keybase_users[user] = armored_key.get<std::string>();
    }
    for (const auto& secret : seed.value("lockboxSecrets", json::array())) {
        LockboxSecretRecord record;
        record.id = secret.value("id", "");
        record.name = secret.value("name", record.id);
        if (secret.contains("entries")) {
            LockboxVersionRecord first;
            first.id = record.id + "-v1";
            const auto created_at = ParseRfc3339(secret.value("createdAt", "2025-01-01T00:00:00Z"));
            if (!created_at)
                throw std::invalid_argument("createdAt is not an RFC 3339 timestamp");
            first.created_at = FormatRfc3339(*created_at);
            first.entries = secret["entries"].get<std::map<std::string, std::string>>();
            record.current_version_id = first.id;
            record.versions.push_back(first);
        }
        lockbox_secrets.emplace(record.id, std::move(record));
    }
}

void State::AddApiKey(ApiKeyRecord key) {
    const auto id = key.id;
    api_keys[id] = std::move(key);
    ++api_keys_created;
    peak_api_keys = std::max(peak_api_keys, api_keys.size());
}

json State::ToJson(bool with_payloads) const {
    json keys = json::array();
    for (const auto& [id, key] : api_keys)
        keys.push_back(KeyToJson(key));
    json secrets = json::array();
    for (const auto& [id, secret] : lockbox_secrets) {
        json versions = json::array();
        for (const auto& version : secret.versions)
            versions.push_back(VersionToJson(version, with_payloads));
        secrets.push_back({{"id", secret.id},
                           {"name", secret.name},
                           {"currentVersionId", secret.current_version_id},
                           {"versions", versions}});
    }
    json authorized = json::array();
    for (const auto& [id, key] : authorized_keys) {
        authorized.push_back(
            {{"id", key.id}, {"serviceAccountId", key.service_account_id}, {"publicKey", key.public_key_pem}});
    }
    json idempotency_keys = json::array();
    for (const auto& [key, response] : idempotent_responses)
        idempotency_keys.push_back(key);
    json result = {{"serviceAccounts", service_accounts},
                   {"authorizedKeys", authorized},
                   {"apiKeys", keys},
                   {"lockboxSecrets", secrets},
                   {"keybaseUsers", keybase_users},
                   {"callCounts", call_counts},
                   {"userAgents", user_agents},
                   {"idempotencyKeys", idempotency_keys},
                   {"operationCount", operations.size()},
                   {"peakApiKeys", peak_api_keys},
                   {"apiKeysCreated", api_keys_created}};
    if (with_payloads) {
        // Credentials only go to the state file, never to the admin view.
        result["oauthTokens"] = oauth_tokens;
    }
    return result;
}

State State::FromJson(const json& saved) {
    State state;
    state.Merge({{"serviceAccounts", saved.value("serviceAccounts", json::array())},
                 {"oauthTokens", saved.value("oauthTokens", json::array())},
                 {"authorizedKeys", saved.value("authorizedKeys", json::array())},
                 {"keybaseUsers", saved.value("keybaseUsers", json::object())}});
    for (const auto& key : saved.value("apiKeys", json::array())) {
        auto record = KeyFromJson(key);
        state.api_keys.emplace(record.id, record);
    }
    for (const auto& secret : saved.value("lockboxSecrets", json::array())) {
        LockboxSecretRecord record;
        record.id = secret.value("id", "");
        record.name = secret.value("name", "");
        record.current_version_id = secret.value("currentVersionId", "");
        for (const auto& version : secret.value("versions", json::array())) {
            record.versions.push_back(VersionFromJson(version));
        }
        state.lockbox_secrets.emplace(record.id, std::move(record));
    }
    state.call_counts = saved.value("callCounts", std::map<std::string, int>{});
    // The counters are about this run of the emulator: it starts holding the saved keys.
    state.peak_api_keys = state.api_keys.size();
    return state;
}

Store::Store(std::string state_file) : state_file_(std::move(state_file)) {
    if (state_file_.empty() || !std::filesystem::exists(state_file_))
        return;
    std::ifstream file(state_file_);
    std::stringstream content;
    content << file.rdbuf();
    const auto json = nlohmann::json::parse(content.str(), nullptr, false);
    if (json.is_object())
        state_ = State::FromJson(json);
}

void Store::Save() const {
    if (state_file_.empty())
        return;
    const auto temporary = state_file_ + ".tmp";
    std::ofstream(temporary) << state_.ToJson(true).dump(2);
    std::filesystem::rename(temporary, state_file_);  // never leave a half-written file behind
}

}  // namespace emulator
