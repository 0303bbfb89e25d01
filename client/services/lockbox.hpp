#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "client/endpoints.hpp"
#include "client/services/operations.hpp"

namespace ycloud {

/// yandex.cloud.lockbox.v1.Version.
struct LockboxVersion {
    std::string id;
    std::string secret_id;
    std::string created_at;
    std::string destroy_at;
    std::string status;  ///< ACTIVE, SCHEDULED_FOR_DESTRUCTION or DESTROYED
    std::vector<std::string> payload_entry_keys;

    static Result<LockboxVersion> FromJson(const nlohmann::json& json);
};

struct LockboxSecret {
    std::string id;
    std::string status;
    std::string current_version_id;
};

/// Text entries of one version; binary entries are kept base64-encoded as the API sends them.
struct LockboxPayload {
    std::string version_id;
    std::map<std::string, SecretString> text_entries;
    std::map<std::string, std::string> binary_entries_base64;
};

class LockboxService {
public:
    LockboxService(RestClient& rest, Endpoints& endpoints);

    Result<LockboxSecret> GetSecret(const std::string& secret_id, const Context& context);
    /// A new version: the base version (the current one unless given) with `text_entries` set.
    Result<Operation> AddVersion(const std::string& secret_id,
                                 const std::map<std::string, SecretString>& text_entries,
                                 const std::string& base_version_id,
                                 const Context& context);
    /// The payload of a version (the current one when `version_id` is empty).
    Result<LockboxPayload> GetPayload(const std::string& secret_id,
                                      const std::string& version_id,
                                      const Context& context);
    /// Destruction after the API's default pending period (7 days) unless one is given ("3600s").
    Result<Operation> ScheduleVersionDestruction(const std::string& secret_id,
                                                 const std::string& version_id,
                                                 const std::string& pending_period,
                                                 const Context& context);
    Result<std::vector<LockboxVersion>> ListVersions(const std::string& secret_id, const Context& context);

private:
    Result<std::string> Url(Service service, const std::string& path, const Context& context);
    /// The URL of one secret (refusing an empty id) with `suffix` after it.
    Result<std::string> SecretUrl(Service service,
                                  const std::string& secret_id,
                                  const std::string& suffix,
                                  const Context& context);

    RestClient& rest_;
    Endpoints& endpoints_;
};

}  // namespace ycloud
