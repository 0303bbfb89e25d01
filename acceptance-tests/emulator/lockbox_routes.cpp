// yandex.cloud.lockbox.v1.SecretService and PayloadService: the calls the provider uses.
#include <regex>

#include "acceptance-tests/emulator/emulator.hpp"
#include "acceptance-tests/emulator/timestamp.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxEntries = 32;
constexpr std::size_t kMaxEntryKey = 256;
constexpr std::size_t kMaxEntryValue = 65536;
constexpr std::int64_t kDefaultPendingSeconds = 7 * 24 * 3600;

json VersionJson(const LockboxSecretRecord& secret, const LockboxVersionRecord& version) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : version.entries)
        keys.push_back(key);
    json out = {{"id", version.id},
                {"secretId", secret.id},
                {"createdAt", version.created_at},
                {"status", version.status},
                {"payloadEntryKeys", keys}};
    if (!version.destroy_at.empty())
        out["destroyAt"] = version.destroy_at;
    if (!version.description.empty())
        out["description"] = version.description;
    return out;
}

LockboxVersionRecord* FindVersion(LockboxSecretRecord& secret, const std::string& id) {
    for (auto& version : secret.versions) {
        if (version.id == id)
            return &version;
    }
    return nullptr;
}

// The secret named in the route, or nothing with a NOT_FOUND answer.
LockboxSecretRecord* FindSecret(State& state, const std::string& id, httplib::Response& response) {
    auto found = state.lockbox_secrets.find(id);
    if (found == state.lockbox_secrets.end()) {
        SendError(response, kNotFound, "Secret " + id + " not found");
        return nullptr;
    }
    return &found->second;
}

std::optional<std::string> CheckEntries(const json& entries) {
    static const std::regex kKey(R"([-_./\\@0-9a-zA-Z]+)");
    if (!entries.is_array() || entries.size() > kMaxEntries)
        return "payloadEntries: at most 32 entries";
    for (const auto& entry : entries) {
        const auto key = entry.value("key", "");
        if (key.empty() || key.size() > kMaxEntryKey || !std::regex_match(key, kKey)) {
            return "payloadEntries.key: must match [-_./\\\\@0-9a-zA-Z]{1,256}";
        }
        if (entry.contains("textValue") == entry.contains("binaryValue")) {
            return "payloadEntries: exactly one of textValue and binaryValue";
        }
        const auto& value = entry.contains("textValue") ? entry["textValue"] : entry["binaryValue"];
        if (!value.is_string() || value.get<std::string>().size() > kMaxEntryValue) {
            return "payloadEntries: a value is at most 65536 bytes";
        }
    }
    return std::nullopt;
}

void AddVersion(Context& context, const httplib::Request& request, httplib::Response& response) {
    const auto id = request.matches[1].str();
    auto body = context.Body(request, response, {"description", "payloadEntries", "baseVersionId"});
    if (!body)
        return;
    if (auto problem = CheckEntries(body->value("payloadEntries", json::array()))) {
        SendError(response, kInvalidArgument, *problem);
        return;
    }
    context.Idempotent(request, response, [&](httplib::Response& answer) {
        context.store.Change([&](State& state) {
            auto* secret = FindSecret(state, id, answer);
            if (secret == nullptr)
                return 0;
            const auto base_id = body->value("baseVersionId", secret->current_version_id);
            LockboxVersionRecord version;
            if (const auto* base = FindVersion(*secret, base_id)) {
                version.entries = base->entries;  // the entries describe changes to the base version
            } else if (!base_id.empty()) {
                SendError(answer, kNotFound, "Version " + base_id + " not found");
                return 0;
            }
            for (const auto& entry : (*body)["payloadEntries"]) {
                version.entries[entry["key"].get<std::string>()] = entry.contains("textValue")
                                                                       ? entry["textValue"].get<std::string>()
                                                                       : entry["binaryValue"].get<std::string>();
            }
            version.id = NewId("e6q");
            version.created_at = FormatRfc3339(NowTimestamp());
            version.description = body->value("description", "");
            secret->versions.push_back(version);
            secret->current_version_id = version.id;
            auto result = VersionJson(*secret, version);
            result["@type"] = "type.googleapis.com/yandex.cloud.lockbox.v1.Version";
            SendJson(
                answer,
                context.StartOperation(state,
                                       "Add secret version",
                                       {{"@type", "type.googleapis.com/yandex.cloud.lockbox.v1.AddVersionMetadata"},
                                        {"secretId", id},
                                        {"versionId", version.id}},
                                       result));
            return 0;
        });
    });
}

void ScheduleDestruction(Context& context, const httplib::Request& request, httplib::Response& response) {
    const auto id = request.matches[1].str();
    auto body = context.Body(request, response, {"versionId", "pendingPeriod"});
    if (!body)
        return;
    std::int64_t pending = kDefaultPendingSeconds;
    if (body->contains("pendingPeriod")) {
        const auto text = body->value("pendingPeriod", "");
        if (text.empty() || text.back() != 's') {
            SendError(response, kInvalidArgument, "pendingPeriod: a duration such as \"604800s\"");
            return;
        }
        pending = std::stoll(text.substr(0, text.size() - 1));
    }
    context.Idempotent(request, response, [&](httplib::Response& answer) {
        context.store.Change([&](State& state) {
            auto* secret = FindSecret(state, id, answer);
            if (secret == nullptr)
                return 0;
            auto* version = FindVersion(*secret, body->value("versionId", ""));
            if (version == nullptr) {
                SendError(answer, kNotFound, "Version " + body->value("versionId", "") + " not found");
                return 0;
            }
            if (version->status != "ACTIVE") {
                SendError(answer, kFailedPrecondition, "Version " + version->id + " is " + version->status);
                return 0;
            }
            version->status = "SCHEDULED_FOR_DESTRUCTION";
            version->destroy_at = FormatRfc3339(PlusSeconds(NowTimestamp(), pending));
            auto result = VersionJson(*secret, *version);
            result["@type"] = "type.googleapis.com/yandex.cloud.lockbox.v1.Version";
            SendJson(answer,
                     context.StartOperation(
                         state,
                         "Schedule version destruction",
                         {{"@type", "type.googleapis.com/yandex.cloud.lockbox.v1.ScheduleVersionDestructionMetadata"},
                          {"secretId", id},
                          {"versionId", version->id},
                          {"destroyAt", version->destroy_at}},
                         result));
            return 0;
        });
    });
}

void Payload(Context& context, const httplib::Request& request, httplib::Response& response) {
    const auto id = request.matches[1].str();
    context.store.With([&](State& state) {
        auto* secret = FindSecret(state, id, response);
        if (secret == nullptr)
            return 0;
        const auto version_id =
            request.has_param("versionId") ? request.get_param_value("versionId") : secret->current_version_id;
        const auto* version = FindVersion(*secret, version_id);
        if (version == nullptr || version->status == "DESTROYED") {
            SendError(response, kNotFound, "Version " + version_id + " not found");
            return 0;
        }
        json entries = json::array();
        for (const auto& [key, value] : version->entries)
            entries.push_back({{"key", key}, {"textValue", value}});
        SendJson(response, {{"versionId", version->id}, {"entries", entries}});
        return 0;
    });
}

}  // namespace

void RegisterLockboxRoutes(httplib::Server& server, Context& context) {
    server.Get(R"(/lockbox/v1/secrets/([^/:]+))", Guarded(context, [&context](const auto& request, auto& response) {
                   const auto id = request.matches[1].str();
                   context.store.With([&](State& state) {
                       if (auto* secret = FindSecret(state, id, response)) {
                           json answer = {{"id", secret->id}, {"name", secret->name}, {"status", "ACTIVE"}};
                           if (auto* current = FindVersion(*secret, secret->current_version_id)) {
                               answer["currentVersion"] = VersionJson(*secret, *current);
                           }
                           SendJson(response, answer);
                       }
                       return 0;
                   });
               }));
    server.Get(R"(/lockbox/v1/secrets/([^/:]+)/versions)",
               Guarded(context, [&context](const auto& request, auto& response) {
                   const auto id = request.matches[1].str();
                   context.store.With([&](State& state) {
                       if (auto* secret = FindSecret(state, id, response)) {
                           json versions = json::array();
                           for (const auto& version : secret->versions)
                               versions.push_back(VersionJson(*secret, version));
                           SendJson(response, {{"versions", versions}});
                       }
                       return 0;
                   });
               }));
    server.Get(
        R"(/lockbox/v1/secrets/([^/:]+)/payload)",
        Guarded(context, [&context](const auto& request, auto& response) { Payload(context, request, response); }));
    server.Post(
        R"(/lockbox/v1/secrets/([^/:]+):addVersion)",
        Guarded(context, [&context](const auto& request, auto& response) { AddVersion(context, request, response); }));
    server.Post(R"(/lockbox/v1/secrets/([^/:]+):scheduleVersionDestruction)",
                Guarded(context, [&context](const auto& request, auto& response) {
                    ScheduleDestruction(context, request, response);
                }));
}

}  // namespace emulator
