// yandex.cloud.iam.v1.ApiKeyService over REST, with the API's documented limits.
#include <algorithm>
#include <sstream>

#include "acceptance-tests/emulator/emulator.hpp"
#include "acceptance-tests/emulator/scopes.hpp"
#include "acceptance-tests/emulator/secret_record.hpp"
#include "acceptance-tests/emulator/timestamp.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxServiceAccountId = 50;
constexpr std::size_t kMaxDescription = 256;
constexpr std::size_t kMaxScopes = 100;
constexpr std::size_t kMaxScopeLength = 256;
constexpr std::int64_t kEarliestExpiry = 0;         // 1970-01-01
constexpr std::int64_t kLatestExpiry = 4291747199;  // 2105-12-31T23:59:59Z

json KeyJson(const ApiKeyRecord& key) {
    json out = {{"id", key.id}, {"serviceAccountId", key.service_account_id}, {"createdAt", key.created_at}};
    // proto3 JSON leaves out fields with default values.
    if (!key.description.empty())
        out["description"] = key.description;
    if (!key.last_used_at.empty())
        out["lastUsedAt"] = key.last_used_at;
    if (!key.scope.empty())
        out["scope"] = key.scope;
    if (!key.scopes.empty())
        out["scopes"] = key.scopes;
    if (!key.expires_at.empty())
        out["expiresAt"] = key.expires_at;
    if (!key.masked_secret.empty())
        out["maskedSecret"] = key.masked_secret;
    return out;
}

// The checks shared by create and update; returns a message when something is wrong.
std::optional<std::string> CheckFields(const json& body) {
    if (body.contains("description") && (!body["description"].is_string() ||
                                         CharacterCount(body["description"].get<std::string>()) > kMaxDescription)) {
        return "description: the maximum string length in characters is 256";
    }
    if (body.contains("scopes")) {
        if (!body["scopes"].is_array())
            return "scopes: must be a list of strings";
        const auto& scopes = body["scopes"];
        if (scopes.size() > kMaxScopes)
            return "scopes: the maximum number of elements is 100";
        std::vector<std::string> seen;
        for (const auto& scope : scopes) {
            if (!scope.is_string() || scope.get<std::string>().size() > kMaxScopeLength) {
                return "scopes: the maximum string length in characters for each value is 256";
            }
            const auto text = scope.get<std::string>();
            const auto& known = KnownScopes();
            if (std::find(known.begin(), known.end(), text) == known.end())
                return "scopes: unknown scope " + text;
            if (std::find(seen.begin(), seen.end(), text) != seen.end())
                return "scopes: duplicate scope " + text;
            seen.push_back(text);
        }
    }
    if (body.contains("scope")) {
        const auto& known = KnownScopes();
        if (!body["scope"].is_string() ||
            std::find(known.begin(), known.end(), body["scope"].get<std::string>()) == known.end()) {
            return "scope: unknown scope";
        }
    }
    if (body.contains("expiresAt")) {
        const auto expiry =
            body["expiresAt"].is_string() ? ParseRfc3339(body["expiresAt"].get<std::string>()) : std::nullopt;
        if (!expiry)
            return "expiresAt: not a valid RFC 3339 timestamp";
        if (expiry->seconds < kEarliestExpiry || expiry->seconds > kLatestExpiry) {
            return "expiresAt: must be between 1970-01-01 and 2105-12-31";
        }
    }
    return std::nullopt;
}

// The body's (checked) expiresAt as stored: in UTC, to the configured precision.
std::string StoredExpiry(const Context& context, const json& body) {
    auto expiry = *ParseRfc3339(body["expiresAt"].get<std::string>());
    if (context.options.timestamp_precision == TimestampPrecision::kSeconds)
        expiry = TruncatedToSeconds(expiry);
    return FormatRfc3339(expiry);
}

void ApplyScopes(ApiKeyRecord& key, const json& body) {
    if (body.contains("scopes") && !body["scopes"].empty()) {
        key.scopes = body["scopes"].get<std::vector<std::string>>();
    } else if (body.contains("scope")) {
        key.scopes = {body["scope"].get<std::string>()};
    }
    // The deprecated single scope mirrors a one-element list (what official issue #565 shows).
    key.scope =
        key.scopes.size() == 1 ? key.scopes.front() : (body.contains("scope") ? body["scope"].get<std::string>() : "");
}

void Create(Context& context, const httplib::Request& request, httplib::Response& response) {
    auto body = context.Body(request, response, {"serviceAccountId", "description", "scope", "scopes", "expiresAt"});
    if (!body)
        return;
    const auto account = body->value("serviceAccountId", "");
    if (account.empty() || account.size() > kMaxServiceAccountId) {
        SendError(response, kInvalidArgument, "serviceAccountId: required, at most 50 characters");
        return;
    }
    if (auto problem = CheckFields(*body)) {
        SendError(response, kInvalidArgument, *problem);
        return;
    }
    context.Idempotent(request, response, [&](httplib::Response& answer) {
        context.store.Change([&](State& state) {
            if (state.service_accounts.count(account) == 0) {
                SendError(answer, kNotFound, "Service account " + account + " not found");
                return 0;
            }
            ApiKeyRecord key;
            key.id = NewId("aje");
            key.service_account_id = account;
            key.created_at = FormatRfc3339(NowTimestamp());
            key.description = body->value("description", "");
            key.scopes = DefaultScopes();
            ApplyScopes(key, *body);
            if (body->contains("expiresAt"))
                key.expires_at = StoredExpiry(context, *body);
            const auto secret = "AQVN" + RandomToken(27);
            key.secret_sha256 = Sha256Hex(secret);
            key.masked_secret = secret.substr(0, 8) + "********";
            RecordIssuedSecret(context.options, secret);
            SendJson(answer, {{"apiKey", KeyJson(key)}, {"secret", secret}});
            state.AddApiKey(std::move(key));
            return 0;
        });
    });
}

void Get(Context& context, const httplib::Request& request, httplib::Response& response) {
    const auto id = request.matches[1].str();
    context.store.With([&](State& state) {
        auto found = state.api_keys.find(id);
        if (found == state.api_keys.end()) {
            SendError(response, kNotFound, "ApiKey " + id + " not found");
        } else {
            SendJson(response, KeyJson(found->second));
        }
        return 0;
    });
}

// pageToken is the index of the first element of the page.
void List(Context& context, const httplib::Request& request, httplib::Response& response) {
    const auto account = request.get_param_value("serviceAccountId");
    const auto page_size = request.has_param("pageSize") ? std::stoul(request.get_param_value("pageSize")) : 100UL;
    const auto offset = request.has_param("pageToken") ? std::stoul(request.get_param_value("pageToken")) : 0UL;
    if (page_size > 1000) {
        SendError(response, kInvalidArgument, "pageSize: the maximum value is 1000");
        return;
    }
    context.store.With([&](State& state) {
        json keys = json::array();
        std::size_t index = 0;
        bool more = false;
        for (const auto& [id, key] : state.api_keys) {
            if (!account.empty() && key.service_account_id != account)
                continue;
            if (index >= offset && keys.size() < (page_size == 0 ? 100 : page_size)) {
                keys.push_back(KeyJson(key));
            } else if (index >= offset) {
                more = true;
            }
            ++index;
        }
        json answer = {{"apiKeys", keys}};
        if (more)
            answer["nextPageToken"] = std::to_string(offset + keys.size());
        SendJson(response, answer);
        return 0;
    });
}

void Update(Context& context, const httplib::Request& request, httplib::Response& response) {
    const auto id = request.matches[1].str();
    auto body = context.Body(request, response, {"updateMask", "description", "scopes", "expiresAt"});
    if (!body)
        return;
    std::vector<std::string> mask;
    std::stringstream paths(body->value("updateMask", ""));
    for (std::string path; std::getline(paths, path, ',');) {
        if (path != "description" && path != "scopes" && path != "expiresAt" && path != "expires_at") {
            SendError(response, kInvalidArgument, "updateMask: unknown field " + path);
            return;
        }
        mask.push_back(path == "expires_at" ? "expiresAt" : path);
    }
    if (mask.empty())
        mask = {"description", "scopes", "expiresAt"};  // no mask: every field
    const auto in_mask = [&mask](const char* field) {
        return std::find(mask.begin(), mask.end(), field) != mask.end();
    };
    if (auto problem = CheckFields(*body)) {
        SendError(response, kInvalidArgument, *problem);
        return;
    }
    if (in_mask("scopes") && (!body->contains("scopes") || (*body)["scopes"].empty())) {
        SendError(response, kInvalidArgument, "scopes: the number of elements must be from 1 to 100");
        return;
    }
    context.Idempotent(request, response, [&](httplib::Response& answer) {
        context.store.Change([&](State& state) {
            auto found = state.api_keys.find(id);
            if (found == state.api_keys.end()) {
                SendError(answer, kNotFound, "ApiKey " + id + " not found");
                return 0;
            }
            auto& key = found->second;
            // A field named in the mask but absent from the body is reset to its default.
            if (in_mask("description"))
                key.description = body->value("description", "");
            if (in_mask("scopes"))
                ApplyScopes(key, *body);
            if (in_mask("expiresAt"))
                key.expires_at = body->contains("expiresAt") ? StoredExpiry(context, *body) : "";
            auto result = KeyJson(key);
            result["@type"] = "type.googleapis.com/yandex.cloud.iam.v1.ApiKey";
            SendJson(answer,
                     context.StartOperation(
                         state,
                         "Update API key",
                         {{"@type", "type.googleapis.com/yandex.cloud.iam.v1.UpdateApiKeyMetadata"}, {"apiKeyId", id}},
                         result));
            return 0;
        });
    });
}

void Delete(Context& context, const httplib::Request& request, httplib::Response& response) {
    const auto id = request.matches[1].str();
    context.Idempotent(request, response, [&](httplib::Response& answer) {
        context.store.Change([&](State& state) {
            if (state.api_keys.erase(id) == 0) {
                SendError(answer, kNotFound, "ApiKey " + id + " not found");
                return 0;
            }
            SendJson(answer,
                     context.StartOperation(
                         state,
                         "Delete API key",
                         {{"@type", "type.googleapis.com/yandex.cloud.iam.v1.DeleteApiKeyMetadata"}, {"apiKeyId", id}},
                         {{"@type", "type.googleapis.com/google.protobuf.Empty"}}));
            return 0;
        });
    });
}

void ListScopes(const httplib::Request& request, httplib::Response& response) {
    const auto page_size = request.has_param("pageSize") ? std::stoul(request.get_param_value("pageSize")) : 100UL;
    const auto offset = request.has_param("pageToken") ? std::stoul(request.get_param_value("pageToken")) : 0UL;
    const auto& known = KnownScopes();
    const auto end = std::min(known.size(), offset + (page_size == 0 ? 100 : page_size));
    json answer = {{"scopes",
                    std::vector<std::string>(known.begin() + static_cast<long>(std::min(offset, known.size())),
                                             known.begin() + static_cast<long>(end))}};
    if (end < known.size())
        answer["nextPageToken"] = std::to_string(end);
    SendJson(response, answer);
}

}  // namespace

void RegisterApiKeyRoutes(httplib::Server& server, Context& context) {
    server.Post("/iam/v1/apiKeys", Guarded(context, [&context](const auto& request, auto& response) {
                    Create(context, request, response);
                }));
    server.Get("/iam/v1/apiKeys",
               Guarded(context, [&context](const auto& request, auto& response) { List(context, request, response); }));
    server.Get(R"(/iam/v1/apiKeys/([^/]+))",
               Guarded(context, [&context](const auto& request, auto& response) { Get(context, request, response); }));
    server.Patch(R"(/iam/v1/apiKeys/([^/]+))", Guarded(context, [&context](const auto& request, auto& response) {
                     Update(context, request, response);
                 }));
    server.Delete(R"(/iam/v1/apiKeys/([^/]+))", Guarded(context, [&context](const auto& request, auto& response) {
                      Delete(context, request, response);
                  }));
    server.Get("/iam/v1/apiKeyScopes",
               Guarded(context, [](const auto& request, auto& response) { ListScopes(request, response); }));
}

}  // namespace emulator
