#pragma once

#include <optional>
#include <string>
#include <vector>

#include "client/endpoints.hpp"
#include "client/services/operations.hpp"

namespace ycloud {

/// yandex.cloud.iam.v1.ApiKey; timestamps stay RFC 3339 text as the API sends them.
struct ApiKey {
    std::string id;
    std::string service_account_id;
    std::string created_at;
    std::string description;
    std::string last_used_at;
    std::string scope;  ///< deprecated by the API in favour of scopes
    std::vector<std::string> scopes;
    std::string expires_at;  ///< empty: never expires
    std::string masked_secret;

    static Result<ApiKey> FromJson(const nlohmann::json& json);
};

struct CreateApiKeyRequest {
    std::string service_account_id;
    std::string description;
    std::vector<std::string> scopes;
    std::string scope;
    std::string expires_at;  ///< RFC 3339; empty for none
};

/// Create's answer: the key and its secret, which the API shows this once only. The secret is empty
/// when the answer carried none (the key exists all the same, and must be recorded).
struct CreatedApiKey {
    ApiKey api_key;
    SecretString secret;
};

/// PATCH with an update mask of exactly the fields to change. A field in the mask that is left
/// empty is reset: that is how an expiry is removed.
struct UpdateApiKeyRequest {
    std::optional<std::string> description;
    std::optional<std::vector<std::string>> scopes;
    std::optional<std::string> expires_at;  ///< "" clears the expiry
};

class ApiKeyService {
public:
    ApiKeyService(RestClient& rest, Endpoints& endpoints);

    Result<CreatedApiKey> Create(const CreateApiKeyRequest& request, const Context& context);
    Result<ApiKey> Get(const std::string& api_key_id, const Context& context);
    /// Every key of the service account, across all pages.
    Result<std::vector<ApiKey>> List(const std::string& service_account_id, const Context& context);
    Result<Operation> Update(const std::string& api_key_id, const UpdateApiKeyRequest& request, const Context& context);
    Result<Operation> Delete(const std::string& api_key_id, const Context& context);
    /// Every scope an API key may have, across all pages.
    Result<std::vector<std::string>> ListScopes(const Context& context);
    /// The cheapest authenticated call (one scope of the list), to prove a token works: any
    /// answer but UNAUTHENTICATED means the token was accepted.
    Result<Done> ProveToken(const Context& context);

private:
    Result<std::string> Url(const std::string& path, const Context& context);

    RestClient& rest_;
    Endpoints& endpoints_;
};

}  // namespace ycloud
