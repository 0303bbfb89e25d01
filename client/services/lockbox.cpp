#include "client/services/lockbox.hpp"

#include "client/services/json_fields.hpp"
#include "client/services/pagination.hpp"
#include "client/services/resource_path.hpp"
#include "client/wipe.hpp"

namespace ycloud {

Result<LockboxVersion> LockboxVersion::FromJson(const nlohmann::json& json) {
    if (!json.is_object() || TextField(json, "id").empty()) {
        return Error::Of(GrpcCode::kInternal, "the API answered with a Lockbox version that has no id");
    }
    LockboxVersion version;
    version.id = TextField(json, "id");
    version.secret_id = TextField(json, "secretId");
    version.created_at = TextField(json, "createdAt");
    version.destroy_at = TextField(json, "destroyAt");
    version.status = TextField(json, "status");
    for (const auto& key : json.value("payloadEntryKeys", nlohmann::json::array())) {
        if (key.is_string())
            version.payload_entry_keys.push_back(key.get<std::string>());
    }
    return version;
}

LockboxService::LockboxService(RestClient& rest, Endpoints& endpoints) : rest_(rest), endpoints_(endpoints) {}

Result<std::string> LockboxService::Url(Service service, const std::string& path, const Context& context) {
    auto base = endpoints_.BaseUrl(service, context);
    if (!base)
        return base.GetError();
    return base.Value() + path;
}

Result<std::string> LockboxService::SecretUrl(Service service,
                                              const std::string& secret_id,
                                              const std::string& suffix,
                                              const Context& context) {
    auto id = IdSegment(secret_id, "Lockbox secret");
    if (!id)
        return id.GetError();
    return Url(service, "/lockbox/v1/secrets/" + id.Value() + suffix, context);
}

Result<LockboxSecret> LockboxService::GetSecret(const std::string& secret_id, const Context& context) {
    auto url = SecretUrl(Service::kLockbox, secret_id, "", context);
    if (!url)
        return url.GetError();
    auto answer = rest_.Call(RestCall::Get(url.Value()), context);
    if (!answer)
        return answer.GetError();
    const auto& json = answer.Value();
    return LockboxSecret{
        TextField(json, "id"), TextField(json, "status"), TextField(ObjectField(json, "currentVersion"), "id")};
}

Result<Operation> LockboxService::AddVersion(const std::string& secret_id,
                                             const std::map<std::string, SecretString>& text_entries,
                                             const std::string& base_version_id,
                                             const Context& context) {
    auto url = SecretUrl(Service::kLockbox, secret_id, ":addVersion", context);
    if (!url)
        return url.GetError();
    auto entries = nlohmann::json::array();
    for (const auto& [key, value] : text_entries) {
        entries.push_back({{"key", key}, {"textValue", value.Reveal()}});  // RestClient::Call wipes it
    }
    nlohmann::json body = {{"payloadEntries", std::move(entries)}};
    if (!base_version_id.empty())
        body["baseVersionId"] = base_version_id;
    auto answer = rest_.Call(RestCall::Post(url.Value(), std::move(body)).Creating(), context);
    if (!answer)
        return answer.GetError();
    return Operation::FromJson(answer.Value());
}

Result<LockboxPayload> LockboxService::GetPayload(const std::string& secret_id,
                                                  const std::string& version_id,
                                                  const Context& context) {
    const auto query = version_id.empty() ? std::string() : "?versionId=" + QueryEscape(version_id);
    auto url = SecretUrl(Service::kLockboxPayload, secret_id, "/payload" + query, context);
    if (!url)
        return url.GetError();
    auto answer = rest_.Call(RestCall::Get(url.Value()), context);
    if (!answer)
        return answer.GetError();
    LockboxPayload payload;
    payload.version_id = TextField(answer.Value(), "versionId");
    for (const auto& entry : ArrayField(answer.Value(), "entries")) {
        const auto key = TextField(entry, "key");
        if (entry.contains("textValue")) {
            const auto& value = entry["textValue"];
            payload.text_entries.emplace(
                key, SecretString(value.is_string() ? value.get_ref<const std::string&>() : std::string_view()));
        } else {
            payload.binary_entries_base64.emplace(key, TextField(entry, "binaryValue"));
        }
    }
    WipeStrings(answer.Value());
    return payload;
}

Result<Operation> LockboxService::ScheduleVersionDestruction(const std::string& secret_id,
                                                             const std::string& version_id,
                                                             const std::string& pending_period,
                                                             const Context& context) {
    if (auto version = IdSegment(version_id, "Lockbox version"); !version)
        return version.GetError();
    auto url = SecretUrl(Service::kLockbox, secret_id, ":scheduleVersionDestruction", context);
    if (!url)
        return url.GetError();
    nlohmann::json body = {{"versionId", version_id}};
    if (!pending_period.empty())
        body["pendingPeriod"] = pending_period;
    auto answer = rest_.Call(RestCall::Post(url.Value(), std::move(body)).Mutating(), context);
    if (!answer)
        return answer.GetError();
    return Operation::FromJson(answer.Value());
}

Result<std::vector<LockboxVersion>> LockboxService::ListVersions(const std::string& secret_id, const Context& context) {
    auto url = SecretUrl(Service::kLockbox, secret_id, "/versions?", context);
    if (!url)
        return url.GetError();
    auto items = ListAllPages(rest_, url.Value(), "versions", context);
    if (!items)
        return items.GetError();
    std::vector<LockboxVersion> versions;
    for (const auto& item : items.Value()) {
        auto version = LockboxVersion::FromJson(item);
        if (!version)
            return version.GetError();
        versions.push_back(std::move(version).Value());
    }
    return versions;
}

}  // namespace ycloud
