#include "resources/iam_service_account_api_key_ephemeral/ephemeral_resource.hpp"

#include <chrono>

#include "resources/common/api_key_limits.hpp"
#include "resources/common/api_key_rules.hpp"
#include "resources/common/calls.hpp"
#include "resources/common/values.hpp"
#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/timeouts.hpp"
#include "tfplugin/framework/timestamp.hpp"
#include "tfplugin/framework/typed_model.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Type;
using tfplugin::Value;
namespace framework = tfplugin::framework;
namespace limits = api_key_limits;

// The configuration and result, field by field.
struct EphemeralKeyModel {
    Value service_account_id;
    Value description;
    Value scopes;
    Value ttl;
    Value id;
    Value secret;
    Value expires_at;
};

constexpr framework::ModelFields<EphemeralKeyModel, 7> kFields({{
    {"service_account_id", &EphemeralKeyModel::service_account_id},
    {"description", &EphemeralKeyModel::description},
    {"scopes", &EphemeralKeyModel::scopes},
    {"ttl", &EphemeralKeyModel::ttl},
    {"id", &EphemeralKeyModel::id},
    {"secret", &EphemeralKeyModel::secret},
    {"expires_at", &EphemeralKeyModel::expires_at},
}});

constexpr const char* kDefaultTtl = "1h";
// Private data: what Close needs to delete the key, and to say until when it lives if it cannot.
constexpr const char* kKeyId = "api_key_id";
constexpr const char* kExpiresAt = "expires_at";

// `ttl` from now, rounded up to whole seconds (the API keeps no more); nullopt past the last
// expiry the API accepts. Compared as a duration first, so no ttl however long overflows the clock.
std::optional<std::string> ExpiryAfter(std::chrono::nanoseconds ttl) {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()).time_since_epoch();
    const auto end = std::chrono::seconds(framework::Timestamp::ParseRfc3339(limits::kExpiresAtEnd)->seconds);
    if (ttl >= end - now)
        return std::nullopt;
    const auto expiry = now + std::chrono::ceil<std::chrono::seconds>(ttl);
    return framework::Timestamp{expiry.count(), 0}.ToRfc3339();
}

void DeleteKey(ycloud::Client& client,
               const std::string& id,
               const std::string& expires_at,
               const tfplugin::CallContext& ctx,
               tfplugin::Diagnostics& diagnostics) {
    const auto call = CallContextFor(ctx, kDefaultOperationTimeout);
    auto done = client.Operations().Finish(client.ApiKeys().Delete(id, call), call);
    if (!done && !done.GetError().IsNotFound()) {  // already gone is what we wanted
        AddApiError(diagnostics,
                    "Cannot delete the ephemeral API key " + id + "; it expires at " + expires_at,
                    done.GetError());
    }
}

}  // namespace

const framework::Definition& EphemeralApiKey::GetDefinition() const {
    static const auto definition = [] {
        framework::Definition made;
        made.schema.block.description =
            "A short-lived API key for one Terraform run: made when the run needs it, deleted when the run is done "
            "with it, and expiring `ttl` after it was made in any case. Its secret is never written to a plan or a "
            "state. Needs Terraform 1.10 or later.";
        made.schema.block.attributes = {
            framework::Required("service_account_id",
                                Type::String(),
                                "ID of the service account the key belongs to (at most 50 characters)."),
            framework::Optional("description", Type::String(), "Description of the key, at most 256 characters."),
            framework::Optional("scopes",
                                Type::List(Type::String()),
                                "Scopes of the key, such as `yc.postbox.send` (at most 100, each unique). Without "
                                "scopes the cloud assigns its default set."),
            framework::Optional("ttl",
                                Type::String(),
                                "How long the key lives, as a duration such as `30m` or `2h` (default `1h`). The "
                                "key expires then even if Terraform never deletes it."),
            framework::Computed("id", Type::String(), "ID of the API key."),
            framework::Sensitive(framework::Computed(
                "secret", Type::String(), "The secret part of the key, for the `Authorization: Api-Key` header.")),
            framework::Computed("expires_at", Type::String(), "When the key expires, in RFC 3339.")};
        auto& rules = made.rules;
        rules["service_account_id"].validators = ServiceAccountIdValidators();
        rules["description"].validators = DescriptionValidators();
        rules["scopes"].validators = ScopesValidators();
        rules["ttl"].validators = {framework::PositiveDuration()};
        return made;
    }();
    return definition;
}

void EphemeralApiKey::Open(const tfplugin::CallContext& ctx,
                           const framework::OpenRequest& request,
                           framework::OpenResponse& response) {
    auto* client = api_client_->GetOrDiagnose(response.diagnostics);
    if (client == nullptr)
        return;
    const auto config = kFields.Read(request.config);
    const auto ttl_text = TextOr(config.ttl, kDefaultTtl);
    const auto expires_at = ExpiryAfter(*framework::ParseDuration(ttl_text));
    if (!expires_at) {
        response.diagnostics.AddAttributeError(AttributePath::Root(kFields.NameOf(&EphemeralKeyModel::ttl)),
                                               "Time to live too long",
                                               "An API key must expire before " + std::string(limits::kExpiresAtEnd) +
                                                   "; \"" + ttl_text + "\" reaches past that.");
        return;
    }
    ycloud::CreateApiKeyRequest create;
    create.service_account_id = TextOr(config.service_account_id);
    create.description = TextOr(config.description);
    create.scopes = Texts(config.scopes);
    create.expires_at = *expires_at;
    auto created = client->ApiKeys().Create(create, CallContextFor(ctx, kDefaultOperationTimeout));
    if (!created) {
        AddApiError(response.diagnostics, "Cannot create the API key", created.GetError());
        return;
    }
    const auto& key = created.Value().api_key;
    const auto key_expires_at = key.expires_at.empty() ? *expires_at : key.expires_at;
    if (created.Value().secret.Empty()) {
        // Terraform never closes an open that failed, so the key goes now.
        response.diagnostics.AddError("The API sent no secret for the new API key",
                                      "Yandex Cloud created key " + key.id + " but its answer held no secret.");
        DeleteKey(*client, key.id, key_expires_at, ctx, response.diagnostics);
        return;
    }
    response.private_state.Set(kKeyId, key.id);
    response.private_state.Set(kExpiresAt, key_expires_at);
    auto result = kFields.Read(response.result);
    result.id = Value::String(key.id);
    result.secret = Value::String(std::string(created.Value().secret.Reveal()));
    result.expires_at = Value::String(key_expires_at);
    response.result = kFields.Write(result, response.result.GetType());
}

void EphemeralApiKey::Close(const tfplugin::CallContext& ctx,
                            const framework::CloseRequest& request,
                            framework::CloseResponse& response) {
    const auto id = request.private_state.Get(kKeyId);
    if (!id)
        return;  // nothing was made
    auto* client = api_client_->GetOrDiagnose(response.diagnostics);
    if (client == nullptr)
        return;
    DeleteKey(*client, *id, request.private_state.Get(kExpiresAt).value_or("its expiry"), ctx, response.diagnostics);
}

}  // namespace provider
