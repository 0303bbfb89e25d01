// Create: one create call, then the secret goes where the configuration says: the state, the
// state encrypted to a PGP key, and/or a new Lockbox version. Once the key exists the state names
// it whatever fails later, so Terraform records it (tainted) and the next apply replaces it.
#include <absl/strings/escaping.h>

#include <optional>
#include <variant>

#include "resources/common/values.hpp"
#include "resources/iam_service_account_api_key/apply_support.hpp"
#include "resources/iam_service_account_api_key/lockbox_output.hpp"
#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/iam_service_account_api_key/state_mapping.hpp"
#include "tfplugin/framework/timeouts.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Type;
using tfplugin::Value;
namespace attribute = api_key_attribute;

// Puts the new key's secret where the plan says. Returns false after adding an error; the
// state then holds whatever was done so far.
bool StoreSecret(ycloud::Client& client,
                 const ycloud::CreatedApiKey& created,
                 const std::optional<pgp::PublicKey>& public_key,
                 const std::optional<LockboxOutput>& lockbox,
                 const ycloud::Context& call,
                 ApiKeyModel& state,
                 tfplugin::Diagnostics& diagnostics) {
    const auto& id = created.api_key.id;
    if (public_key) {
        // The plaintext is stored nowhere in state: only the encrypted form.
        std::string problem;
        const auto encrypted = public_key->Encrypt(created.secret.Reveal(), problem);
        if (!encrypted) {
            diagnostics.AddAttributeError(AttributePath::Root(attribute::kPgpKey),
                                          "Cannot encrypt the secret",
                                          problem + ". " + TaintedKeyNote(id));
            return false;
        }
        state.encrypted_secret_key = Value::String(absl::Base64Escape(*encrypted));
        state.key_fingerprint = Value::String(public_key->Fingerprint());
    }
    if (lockbox) {
        // Lockbox gets the real secret, also with a PGP key (where the official provider wrote "").
        const auto write = WriteToLockbox(client, *lockbox, created.secret, call);
        // A version that may hold the secret is recorded even when the write failed, so the
        // replacement of this tainted key retires it.
        if (!write.version_id.empty())
            state.output_to_lockbox_version_id = Value::String(write.version_id);
        if (write.error) {
            diagnostics.AddAttributeError(AttributePath::Root(attribute::kOutputToLockbox),
                                          "Cannot write the secret to Lockbox",
                                          write.error->ToString() + ". " + TaintedKeyNote(id));
            return false;
        }
    }
    if (!public_key && !lockbox)
        state.secret_key = Value::String(std::string(created.secret.Reveal()));
    return true;
}

}  // namespace

void ApiKeyResource::Create(const tfplugin::CallContext& ctx,
                            const tfplugin::framework::CreateRequest& request,
                            tfplugin::framework::CreateResponse& response) {
    const auto plan = ApiKeyModel::From(request.planned_state);
    // The planned private state is the replaced key's, for its delete; the new key owes nothing.
    response.private_state = tfplugin::framework::PrivateState{};
    auto* client = Client(response.diagnostics);
    if (client == nullptr)
        return;
    const auto call =
        CallContextFor(ctx, tfplugin::framework::TimeoutIn(plan.timeouts, "create", kDefaultOperationTimeout));
    // Everything that can be checked beforehand is, so a bad PGP key costs no API key.
    std::optional<pgp::PublicKey> public_key;
    if (const auto pgp_key = TextOr(plan.pgp_key); !pgp_key.empty()) {
        auto resolved = ResolvePublicKey(*client, pgp_key, call);
        if (auto* problem = std::get_if<std::string>(&resolved)) {
            response.diagnostics.AddAttributeError(
                AttributePath::Root(attribute::kPgpKey), "Invalid PGP public key", *problem);
            return;
        }
        public_key.emplace(std::move(std::get<pgp::PublicKey>(resolved)));
    }
    ycloud::CreateApiKeyRequest create;
    create.service_account_id = TextOr(plan.service_account_id);
    create.description = TextOr(plan.description);
    create.scopes = Texts(plan.scopes);
    create.scope = TextOr(plan.scope);
    create.expires_at = TextOr(plan.expires_at);
    auto created = client->ApiKeys().Create(create, call);
    if (!created) {
        AddApiError(response.diagnostics, "Cannot create the API key", created.GetError());
        return;
    }
    const auto& id = created.Value().api_key.id;
    // First of all, the state names the key.
    auto state = plan;
    state.id = Value::String(id);
    response.new_state = state.ToValue();
    try {
        WriteApiKey(state, created.Value().api_key);
        // Where the secret is, StoreSecret says.
        for (auto* secret_field : {&state.secret_key,
                                   &state.encrypted_secret_key,
                                   &state.key_fingerprint,
                                   &state.output_to_lockbox_version_id})
            *secret_field = Value::Null(Type::String());
        response.new_state = state.ToValue();
        if (created.Value().secret.Empty()) {
            response.diagnostics.AddError("The API sent no secret for the new API key",
                                          "Yandex Cloud created the key but its answer held no secret, so the "
                                          "secret cannot be stored. " +
                                              TaintedKeyNote(id));
            return;
        }
        StoreSecret(*client,
                    created.Value(),
                    public_key,
                    LockboxOutputOf(plan.output_to_lockbox),
                    call,
                    state,
                    response.diagnostics);
        response.new_state = state.ToValue();
    } catch (const std::exception& problem) {
        response.new_state = state.ToValue();  // whatever was done, a Lockbox version included
        response.diagnostics.AddError("Cannot record the new API key",
                                      std::string(problem.what()) + ". " + TaintedKeyNote(id));
    }
}

}  // namespace provider
