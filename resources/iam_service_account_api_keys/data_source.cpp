#include "resources/iam_service_account_api_keys/data_source.hpp"

#include "resources/common/api_key_rules.hpp"
#include "resources/common/calls.hpp"
#include "resources/common/values.hpp"
#include "tfplugin/framework/attributes.hpp"

namespace provider {

namespace {

using tfplugin::Type;
using tfplugin::Value;

// One key as the data source lists it. Timestamps are the API's RFC 3339 text; an expiry or a
// last use the key does not have is null, so `!= null` tells whether there is one.
const Type& KeyType() {
    static const Type type = Type::Object({{"id", Type::String()},
                                           {"description", Type::String()},
                                           {"scopes", Type::List(Type::String())},
                                           {"created_at", Type::String()},
                                           {"expires_at", Type::String()},
                                           {"last_used_at", Type::String()}});
    return type;
}

Value KeyValue(const ycloud::ApiKey& key) {
    return Value::Object(KeyType(),
                         {{"id", Value::String(key.id)},
                          {"description", Value::String(key.description)},
                          {"scopes", TextList(key.scopes)},
                          {"created_at", TextOrNull(key.created_at)},
                          {"expires_at", TextOrNull(key.expires_at)},
                          {"last_used_at", TextOrNull(key.last_used_at)}});
}

}  // namespace

const tfplugin::framework::Definition& ServiceAccountApiKeysDataSource::GetDefinition() const {
    static const auto definition = [] {
        tfplugin::framework::Definition made;
        made.schema.block.description =
            "Lists the API keys of a service account (every page), with their scopes, creation, expiry and last "
            "use. Secrets are never listed: Yandex Cloud shows a key's secret only when the key is created.";
        made.schema.block.attributes = {
            tfplugin::framework::Required("service_account_id",
                                          Type::String(),
                                          "ID of the service account whose keys are listed (at most 50 characters)."),
            tfplugin::framework::Computed(
                "api_keys",
                Type::List(KeyType()),
                "The service account's API keys in the order Yandex Cloud lists them: `id`, `description`, `scopes`, "
                "`created_at`, `expires_at` (null when the key never expires) and `last_used_at` (null when it was "
                "never used), timestamps in RFC 3339.")};
        made.rules["service_account_id"].validators = ServiceAccountIdValidators();
        return made;
    }();
    return definition;
}

void ServiceAccountApiKeysDataSource::Read(const tfplugin::CallContext& ctx,
                                           const tfplugin::framework::DataSourceReadRequest& request,
                                           tfplugin::framework::DataSourceReadResponse& response) {
    auto* client = api_client_->GetOrDiagnose(response.diagnostics);
    if (client == nullptr)
        return;
    const auto& service_account_id = request.config.Attribute("service_account_id").AsString();
    auto listed = client->ApiKeys().List(service_account_id, CallContextFor(ctx, kDefaultOperationTimeout));
    if (!listed) {
        AddApiError(response.diagnostics,
                    "Cannot list the API keys of service account " + service_account_id,
                    listed.GetError());
        return;
    }
    std::vector<Value> keys;
    for (const auto& key : listed.Value()) {
        keys.push_back(KeyValue(key));
    }
    response.state = response.state.WithAttribute("api_keys", Value::List(KeyType(), std::move(keys)));
}

}  // namespace provider
