#include "client/services/api_keys.hpp"

#include "client/services/json_fields.hpp"
#include "client/services/pagination.hpp"
#include "client/services/resource_path.hpp"
#include "client/wipe.hpp"

namespace ycloud {

Result<ApiKey> ApiKey::FromJson(const nlohmann::json& json) {
    if (!json.is_object() || TextField(json, "id").empty()) {
        return Error::Of(GrpcCode::kInternal, "the API answered with an API key that has no id");
    }
    ApiKey key;
    key.id = TextField(json, "id");
    key.service_account_id = TextField(json, "serviceAccountId");
    key.created_at = TextField(json, "createdAt");
    key.description = TextField(json, "description");
    key.last_used_at = TextField(json, "lastUsedAt");
    key.scope = TextField(json, "scope");
    for (const auto& scope : json.value("scopes", nlohmann::json::array())) {
        if (scope.is_string())
            key.scopes.push_back(scope.get<std::string>());
    }
    key.expires_at = TextField(json, "expiresAt");
    key.masked_secret = TextField(json, "maskedSecret");
    return key;
}

ApiKeyService::ApiKeyService(RestClient& rest, Endpoints& endpoints) : rest_(rest), endpoints_(endpoints) {}

Result<std::string> ApiKeyService::Url(const std::string& path, const Context& context) {
    auto base = endpoints_.BaseUrl(Service::kIam, context);
    if (!base)
        return base.GetError();
    return base.Value() + path;
}

Result<CreatedApiKey> ApiKeyService::Create(const CreateApiKeyRequest& request, const Context& context) {
    auto url = Url("/iam/v1/apiKeys", context);
    if (!url)
        return url.GetError();
    nlohmann::json body = {{"serviceAccountId", request.service_account_id}};
    if (!request.description.empty())
        body["description"] = request.description;
    if (!request.scopes.empty())
        body["scopes"] = request.scopes;
    if (!request.scope.empty())
        body["scope"] = request.scope;
    if (!request.expires_at.empty())
        body["expiresAt"] = request.expires_at;
    auto answer = rest_.Call(RestCall::Post(url.Value(), std::move(body)).Creating(), context);
    if (!answer)
        return answer.GetError();
    auto& json = answer.Value();
    // Read without a throw whatever the answer's shape: the key may exist already.
    auto key = ApiKey::FromJson(ObjectField(json, "apiKey"));
    const bool has_secret = json.is_object() && json.contains("secret") && json["secret"].is_string();
    SecretString secret_value(has_secret ? json["secret"].get_ref<const std::string&>() : std::string_view());
    WipeStrings(json);
    if (!key)
        return key.GetError();
    // Without a secret the key still exists: the caller records it rather than losing it.
    return CreatedApiKey{std::move(key).Value(), std::move(secret_value)};
}

Result<ApiKey> ApiKeyService::Get(const std::string& api_key_id, const Context& context) {
    auto id = IdSegment(api_key_id, "API key");
    if (!id)
        return id.GetError();
    auto url = Url("/iam/v1/apiKeys/" + id.Value(), context);
    if (!url)
        return url.GetError();
    auto answer = rest_.Call(RestCall::Get(url.Value()), context);
    if (!answer)
        return answer.GetError();
    return ApiKey::FromJson(answer.Value());
}

Result<std::vector<ApiKey>> ApiKeyService::List(const std::string& service_account_id, const Context& context) {
    auto url = Url("/iam/v1/apiKeys?serviceAccountId=" + QueryEscape(service_account_id), context);
    if (!url)
        return url.GetError();
    auto items = ListAllPages(rest_, url.Value(), "apiKeys", context);
    if (!items)
        return items.GetError();
    std::vector<ApiKey> keys;
    for (const auto& item : items.Value()) {
        auto key = ApiKey::FromJson(item);
        if (!key)
            return key.GetError();
        keys.push_back(std::move(key).Value());
    }
    return keys;
}

Result<Operation> ApiKeyService::Update(const std::string& api_key_id,
                                        const UpdateApiKeyRequest& request,
                                        const Context& context) {
    auto id = IdSegment(api_key_id, "API key");
    if (!id)
        return id.GetError();
    auto url = Url("/iam/v1/apiKeys/" + id.Value(), context);
    if (!url)
        return url.GetError();
    nlohmann::json body = nlohmann::json::object();
    std::string mask;
    const auto add_to_mask = [&mask](const char* path) { mask += (mask.empty() ? "" : ",") + std::string(path); };
    if (request.description) {
        add_to_mask("description");
        body["description"] = *request.description;
    }
    if (request.scopes) {
        add_to_mask("scopes");
        body["scopes"] = *request.scopes;
    }
    if (request.expires_at) {
        add_to_mask("expiresAt");
        // In the mask but absent from the body: the API resets the field, i.e. no expiry.
        if (!request.expires_at->empty())
            body["expiresAt"] = *request.expires_at;
    }
    body["updateMask"] = mask;
    auto answer = rest_.Call(RestCall::Patch(url.Value(), std::move(body)).Mutating(), context);
    if (!answer)
        return answer.GetError();
    return Operation::FromJson(answer.Value());
}

Result<Operation> ApiKeyService::Delete(const std::string& api_key_id, const Context& context) {
    auto id = IdSegment(api_key_id, "API key");
    if (!id)
        return id.GetError();
    auto url = Url("/iam/v1/apiKeys/" + id.Value(), context);
    if (!url)
        return url.GetError();
    auto answer = rest_.Call(RestCall::Delete(url.Value()).Mutating(), context);
    if (!answer)
        return answer.GetError();
    return Operation::FromJson(answer.Value());
}

Result<std::vector<std::string>> ApiKeyService::ListScopes(const Context& context) {
    auto url = Url("/iam/v1/apiKeyScopes?", context);
    if (!url)
        return url.GetError();
    auto items = ListAllPages(rest_, url.Value(), "scopes", context);
    if (!items)
        return items.GetError();
    std::vector<std::string> scopes;
    for (const auto& item : items.Value()) {
        if (item.is_string())
            scopes.push_back(item.get<std::string>());
    }
    return scopes;
}

Result<Done> ApiKeyService::ProveToken(const Context& context) {
    auto url = Url("/iam/v1/apiKeyScopes?pageSize=1", context);
    if (!url)
        return url.GetError();
    auto answer = rest_.Call(RestCall::Get(url.Value()), context);
    if (!answer &&
        (answer.GetError().code == GrpcCode::kUnauthenticated || answer.GetError().delivery != Delivery::kAnswered)) {
        return answer.GetError();
    }
    return Done{};
}

}  // namespace ycloud
