// Create, read, update, delete and import of API keys: each one decodes the state, calls the
// API, and writes the cloud's answer back into state.
#include <openssl/evp.h>

#include <chrono>
#include <optional>
#include <variant>

#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/iam_service_account_api_key/state_mapping.hpp"
#include "resources/pgp/public_key.hpp"

namespace provider {

namespace {

using tfplugin::Diagnostics;
using tfplugin::Type;
using tfplugin::Value;

// The official provider's default for every operation; a `timeouts` block will override it.
constexpr auto kDefaultTimeout = std::chrono::minutes(20);

ycloud::Context CallContextFor(const tfplugin::CallContext& ctx) {
    ycloud::Context call;
    call.stop = ctx.stop;
    call.deadline = std::chrono::steady_clock::now() + kDefaultTimeout;
    return call;
}

void AddApiError(Diagnostics& diagnostics, const std::string& summary, const ycloud::Error& error) {
    diagnostics.AddError(summary, error.ToString());
}

// Standard base64 with padding, as encrypted_secret_key has always been written.
std::string Base64(const std::string& bytes) {
    std::string encoded(4 * ((bytes.size() + 2) / 3), '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                       reinterpret_cast<const unsigned char*>(bytes.data()),
                                       static_cast<int>(bytes.size()));
    encoded.resize(static_cast<std::size_t>(length));
    return encoded;
}

}  // namespace

ycloud::Client* ApiKeyResource::Client(Diagnostics& diagnostics) const {
    auto* client = api_client_->Get();
    if (client == nullptr) {
        diagnostics.AddError("Provider not configured",
                             "The provider has no Yandex Cloud client yet. This is always a problem with the provider: "
                             "please report it.");
    }
    return client;
}

void ApiKeyResource::Create(const tfplugin::CallContext& ctx,
                            const tfplugin::framework::CreateRequest& request,
                            tfplugin::framework::CreateResponse& response) {
    const auto& plan = request.planned_state;
    const auto& lockbox = plan.Attribute("output_to_lockbox");
    const bool wants_lockbox = lockbox.IsKnown() && !lockbox.Elements().empty();
    const auto pgp_key = StringOf(plan, "pgp_key");
    if (wants_lockbox || pgp::IsKeybaseReference(pgp_key)) {
        response.diagnostics.AddError("Not supported yet",
                                      "This build of the provider cannot yet write the secret to Lockbox or fetch keys "
                                      "from Keybase; no key was created.");
        return;
    }
    // Parse the PGP key before creating anything, so a bad key costs no API key.
    std::optional<pgp::PublicKey> public_key;
    if (!pgp_key.empty()) {
        auto parsed = pgp::PublicKey::Parse(pgp_key);
        if (auto* problem = std::get_if<std::string>(&parsed)) {
            response.diagnostics.AddAttributeError(
                tfplugin::AttributePath::Root("pgp_key"), "Invalid PGP public key", *problem);
            return;
        }
        public_key.emplace(std::move(std::get<pgp::PublicKey>(parsed)));
    }
    auto* client = Client(response.diagnostics);
    if (client == nullptr)
        return;
    ycloud::CreateApiKeyRequest create;
    create.service_account_id = StringOf(plan, "service_account_id");
    create.description = StringOf(plan, "description");
    create.scopes = StringsOf(plan, "scopes");
    create.scope = StringOf(plan, "scope");
    create.expires_at = StringOf(plan, "expires_at");
    auto created = client->ApiKeys().Create(create, CallContextFor(ctx));
    if (!created) {
        AddApiError(response.diagnostics, "Cannot create the API key", created.GetError());
        return;
    }
    // From here on the key exists: whatever happens, the state names it.
    response.new_state = WithApiKey(plan, created.Value().api_key)
                             .WithAttribute("secret_key", Value::Null(Type::String()))
                             .WithAttribute("encrypted_secret_key", Value::Null(Type::String()))
                             .WithAttribute("key_fingerprint", Value::Null(Type::String()))
                             .WithAttribute("output_to_lockbox_version_id", Value::Null(Type::String()));
    const auto secret = created.Value().secret.Reveal();
    if (!public_key) {
        response.new_state = response.new_state.WithAttribute("secret_key", Value::String(std::string(secret)));
        return;
    }
    // With a PGP key the plaintext is stored nowhere: only the encrypted form goes to state.
    std::string problem;
    const auto encrypted = public_key->Encrypt(secret, problem);
    if (!encrypted) {
        response.diagnostics.AddAttributeError(tfplugin::AttributePath::Root("pgp_key"),
                                               "Cannot encrypt the secret",
                                               problem + ". Key " + created.Value().api_key.id +
                                                   " was created and is recorded as tainted, so the next apply "
                                                   "replaces it.");
        return;
    }
    response.new_state = response.new_state.WithAttribute("encrypted_secret_key", Value::String(Base64(*encrypted)))
                             .WithAttribute("key_fingerprint", Value::String(public_key->Fingerprint()));
}

void ApiKeyResource::Read(const tfplugin::CallContext& ctx,
                          const tfplugin::framework::ReadRequest& request,
                          tfplugin::framework::ReadResponse& response) {
    auto* client = Client(response.diagnostics);
    if (client == nullptr)
        return;
    const auto id = StringOf(request.current_state, "id");
    auto key = client->ApiKeys().Get(id, CallContextFor(ctx));
    if (!key) {
        if (key.GetError().IsNotFound()) {
            // Deleted outside Terraform: forget it, and the next plan creates it again.
            response.new_state = Value::Null(request.current_state.GetType());
            return;
        }
        AddApiError(response.diagnostics, "Cannot read API key " + id, key.GetError());
        return;
    }
    response.new_state = WithApiKey(request.current_state, key.Value());
}

void ApiKeyResource::Update(const tfplugin::CallContext& ctx,
                            const tfplugin::framework::UpdateRequest& request,
                            tfplugin::framework::UpdateResponse& response) {
    auto* client = Client(response.diagnostics);
    if (client == nullptr)
        return;
    const auto& plan = request.planned_state;
    const auto& prior = request.prior_state;
    // Moving the secret into or out of Lockbox is not built yet: refuse before changing anything
    // rather than leave the secret silently where it was. (Refused at apply, not at plan, so
    // that `terraform destroy` still works with such a configuration.)
    if (!(plan.Attribute("output_to_lockbox") == prior.Attribute("output_to_lockbox"))) {
        response.diagnostics.AddAttributeError(
            tfplugin::AttributePath::Root("output_to_lockbox"),
            "Not supported yet",
            "This build of the provider cannot yet add, change or remove output_to_lockbox on an existing key; "
            "nothing was changed.");
        return;
    }
    ycloud::UpdateApiKeyRequest update;
    if (!(plan.Attribute("description") == prior.Attribute("description"))) {
        update.description = StringOf(plan, "description");
    }
    if (!(plan.Attribute("scopes") == prior.Attribute("scopes"))) {
        update.scopes = StringsOf(plan, "scopes");
    }
    if (!(plan.Attribute("expires_at") == prior.Attribute("expires_at"))) {
        update.expires_at = StringOf(plan, "expires_at");  // "" clears the expiry
    }
    const auto call = CallContextFor(ctx);
    if (update.description || update.scopes || update.expires_at) {
        const auto id = StringOf(prior, "id");
        auto operation = client->ApiKeys().Update(id, update, call);
        auto done = operation ? client->Operations().Wait(operation.Value(), call) : operation;
        if (!done) {
            AddApiError(response.diagnostics, "Cannot update API key " + id, done.GetError());
            return;
        }
    }
    auto key = client->ApiKeys().Get(StringOf(prior, "id"), call);
    if (!key) {
        AddApiError(response.diagnostics, "Cannot read the updated API key", key.GetError());
        return;
    }
    response.new_state = WithApiKey(plan, key.Value());
}

void ApiKeyResource::Delete(const tfplugin::CallContext& ctx,
                            const tfplugin::framework::DeleteRequest& request,
                            tfplugin::framework::DeleteResponse& response) {
    auto* client = Client(response.diagnostics);
    if (client == nullptr)
        return;
    const auto id = StringOf(request.prior_state, "id");
    const auto call = CallContextFor(ctx);
    auto operation = client->ApiKeys().Delete(id, call);
    auto done = operation ? client->Operations().Wait(operation.Value(), call) : operation;
    if (!done && !done.GetError().IsNotFound()) {  // already gone is what we wanted
        AddApiError(response.diagnostics, "Cannot delete API key " + id, done.GetError());
    }
}

void ApiKeyResource::ImportState(const tfplugin::CallContext& /*ctx*/,
                                 const tfplugin::framework::ImportStateRequest& request,
                                 tfplugin::framework::ImportStateResponse& response) {
    // Terraform reads the key right after; the secret is shown by the API once only, at
    // creation, so an imported key never has one in state.
    std::map<std::string, Value> attributes;
    const auto type = GetDefinition().schema.ValueType();
    for (const auto& [name, attribute_type] : type.AttributeTypes()) {
        attributes.emplace(name, Value::Null(attribute_type));
    }
    attributes["id"] = Value::String(request.id);
    response.state = Value::Object(type, std::move(attributes));
}

}  // namespace provider
