#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

// Everything the emulated cloud knows. One mutex guards it all: the emulator serves tests,
// where simplicity beats concurrency.
namespace emulator {

struct ApiKeyRecord {
    std::string id;
    std::string service_account_id;
    std::string created_at;
    std::string description;
    std::string last_used_at;
    std::string scope;
    std::vector<std::string> scopes;
    std::string expires_at;     ///< normalised to UTC; empty: never
    std::string secret_sha256;  ///< the secret itself is never stored, as in a real service
    std::string masked_secret;
};

struct LockboxVersionRecord {
    std::string id;
    std::string created_at;
    std::string destroy_at;
    std::string status = "ACTIVE";
    std::string description;
    std::map<std::string, std::string> entries;  ///< key -> text value
};

struct LockboxSecretRecord {
    std::string id;
    std::string name;
    std::string current_version_id;
    std::vector<LockboxVersionRecord> versions;
};

struct OperationRecord {
    std::string id;
    std::string description;
    std::string created_at;
    std::string done_at;          ///< when it reports done: its modifiedAt from then on
    std::int64_t done_at_ms = 0;  ///< steady-clock milliseconds after which it reports done
    nlohmann::json metadata;
    nlohmann::json response;  ///< null when it failed
    nlohmann::json error;     ///< null when it succeeded
};

struct AuthorizedKeyRecord {
    std::string id;
    std::string service_account_id;
    std::string public_key_pem;
};

/// A response kept for an Idempotency-Key, replayed when the same key comes again.
struct StoredResponse {
    int status = 200;
    std::string body;
};

struct State {
    std::set<std::string> service_accounts;
    std::set<std::string> oauth_tokens;
    std::map<std::string, AuthorizedKeyRecord> authorized_keys;
    std::map<std::string, std::int64_t> iam_tokens;  ///< token -> expiry, epoch seconds (0: never)
    std::map<std::string, ApiKeyRecord> api_keys;
    std::map<std::string, LockboxSecretRecord> lockbox_secrets;
    std::map<std::string, std::string> keybase_users;  ///< user name -> armored public key
    std::map<std::string, OperationRecord> operations;
    std::map<std::string, int> call_counts;  ///< "METHOD /route" -> calls received
    std::set<std::string> user_agents;       ///< every User-Agent seen
    std::map<std::string, StoredResponse> idempotent_responses;
    std::size_t peak_api_keys = 0;     ///< the most keys held at any one moment since the start
    std::size_t api_keys_created = 0;  ///< keys created since the start

    /// Stores a newly created key and counts it.
    void AddApiKey(ApiKeyRecord key);

    /// Adds what a seed document lists (see README.md); existing entries stay. Throws (from
    /// nlohmann::json or std::invalid_argument) on a malformed document, maybe halfway through.
    void Merge(const nlohmann::json& seed);
    /// Everything, for the admin endpoint and the state file. `with_payloads` includes Lockbox
    /// entry values (the state file needs them; the admin view shows keys only).
    [[nodiscard]] nlohmann::json ToJson(bool with_payloads) const;
    static State FromJson(const nlohmann::json& json);
};

/// The state and its lock, plus the optional file it is saved to after every change.
class Store {
public:
    explicit Store(std::string state_file = "");

    template <typename Function>
    auto With(Function&& function) {
        std::lock_guard lock(mutex_);
        return function(state_);
    }
    /// Runs a change and saves the state file when there is one.
    template <typename Function>
    auto Change(Function&& function) {
        std::lock_guard lock(mutex_);
        auto result = function(state_);
        Save();
        return result;
    }

private:
    void Save() const;

    std::mutex mutex_;
    State state_;
    std::string state_file_;
};

}  // namespace emulator
