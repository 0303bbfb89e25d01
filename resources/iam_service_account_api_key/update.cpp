// Update: the secret moves first when `output_to_lockbox` changed, then the Lockbox versions it
// no longer needs are retired, then one PATCH with exactly the changed fields. Whatever was done
// before a failure is in the returned state and private state.
#include <algorithm>

#include "resources/common/values.hpp"
#include "resources/iam_service_account_api_key/apply_support.hpp"
#include "resources/iam_service_account_api_key/lockbox_output.hpp"
#include "resources/iam_service_account_api_key/lockbox_retirement.hpp"
#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/iam_service_account_api_key/state_mapping.hpp"
#include "tfplugin/framework/timeouts.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Type;
using tfplugin::Value;

// The plaintext secret as it is now: in the old Lockbox version, or in the state.
ycloud::Result<ycloud::SecretString> CurrentSecret(ycloud::Client& client,
                                                   const ApiKeyModel& prior,
                                                   const std::optional<LockboxOutput>& old_output,
                                                   const ycloud::Context& call) {
    if (old_output)
        return ReadFromLockbox(client, *old_output, TextOr(prior.output_to_lockbox_version_id), call);
    if (HoldsPlaintextSecret(prior))
        return ycloud::SecretString(prior.secret_key.AsString());
    return ycloud::Error::Of(
        ycloud::GrpcCode::kFailedPrecondition,
        "the state has no plaintext secret for this key (it was imported, or only its PGP-encrypted form is kept), "
        "so it cannot be written to Lockbox; replace the key instead (terraform apply -replace=...)");
}

// "version <id>", or "the current version" when the state names none.
std::string VersionText(const ApiKeyModel& state) {
    const auto version = TextOr(state.output_to_lockbox_version_id);
    return version.empty() ? "the current version" : "version " + version;
}

// Whether the secret surely is where `state` says, for versions that wait for that: a Lockbox
// version whose write was not confirmed is read back (only then, so a plain move costs no call).
bool HomeConfirmed(ycloud::Client& client,
                   const ApiKeyModel& state,
                   const std::vector<VersionToRetire>& to_retire,
                   const ycloud::Context& call) {
    const bool waiting =
        std::any_of(to_retire.begin(), to_retire.end(), [](const auto& v) { return v.confirm_new_home; });
    const auto output = LockboxOutputOf(state.output_to_lockbox);
    const auto version = TextOr(state.output_to_lockbox_version_id);
    if (!waiting || !output || version.empty())
        return true;  // nothing waits, or the secret is in the state (plaintext or encrypted)
    return static_cast<bool>(ReadFromLockbox(client, *output, version, call));
}

// Moves the secret from where `prior` keeps it to where `plan` wants it. The old Lockbox version
// joins `to_retire` only once the secret has its new home, so it always has one. Returns false
// after adding an error; `state` then says where the secret is.
bool MoveSecret(ycloud::Client& client,
                const ApiKeyModel& prior,
                const ApiKeyModel& plan,
                const ycloud::Context& call,
                ApiKeyModel& state,
                std::vector<VersionToRetire>& to_retire,
                tfplugin::Diagnostics& diagnostics) {
    const auto old_output = LockboxOutputOf(prior.output_to_lockbox);
    const auto new_output = LockboxOutputOf(plan.output_to_lockbox);
    const bool encrypted = !TextOr(plan.pgp_key).empty();
    const auto lockbox_path = PathOf(&ApiKeyModel::output_to_lockbox);
    // With a PGP key the encrypted form stays in state, so the plaintext is only needed for Lockbox.
    if (new_output || !encrypted) {
        auto secret = CurrentSecret(client, prior, old_output, call);
        if (!secret) {
            if (old_output) {
                diagnostics.AddAttributeError(lockbox_path,
                                              "Cannot read the secret from Lockbox",
                                              "To move the secret, it is read first from " + VersionText(prior) +
                                                  " of Lockbox secret " + old_output->secret_id + ": " +
                                                  secret.GetError().ToString() + ". Nothing was changed.");
            } else {
                diagnostics.AddAttributeError(lockbox_path, "Cannot move the secret", secret.GetError().ToString());
            }
            return false;
        }
        if (new_output) {
            const auto write = WriteToLockbox(client, *new_output, secret.Value(), call);
            if (!write.version_id.empty()) {
                // The secret now lives in the new version (or may): the state says where, block
                // and all, so the next plan neither writes it again nor replaces the key, and the
                // old version is no longer the one the state names, so it is to be retired.
                state.output_to_lockbox = plan.output_to_lockbox;
                state.output_to_lockbox_version_id = Value::String(write.version_id);
                state.secret_key = Value::Null(Type::String());
                AddNamedVersion(prior, write.error.has_value(), to_retire);
            }
            if (write.error) {
                diagnostics.AddAttributeError(
                    lockbox_path, "Cannot write the secret to Lockbox", write.error->ToString());
                return false;
            }
        } else {
            state.secret_key = Value::String(std::string(secret.Value().Reveal()));
        }
    }
    if (!new_output) {
        state.output_to_lockbox_version_id = Value::Null(Type::String());
        if (encrypted)
            state.secret_key = Value::Null(Type::String());
    }
    // The secret is in its new home: the state says so, and the old version is to be retired.
    state.output_to_lockbox = plan.output_to_lockbox;
    AddNamedVersion(prior, false, to_retire);
    return true;
}

}  // namespace

void ApiKeyResource::Update(const tfplugin::CallContext& ctx,
                            const tfplugin::framework::UpdateRequest& request,
                            tfplugin::framework::UpdateResponse& response) {
    auto* client = Client(response.diagnostics);
    if (client == nullptr)
        return;
    const auto plan = ApiKeyModel::From(request.planned_state);
    const auto prior = ApiKeyModel::From(request.prior_state);
    const auto id = TextOr(prior.id);
    const auto call =
        CallContextFor(ctx, tfplugin::framework::TimeoutIn(plan.timeouts, "update", kDefaultOperationTimeout));
    auto state = prior;
    auto to_retire = VersionsToRetire(request.planned_private);
    if (LockboxOutputOf(plan.output_to_lockbox) != LockboxOutputOf(prior.output_to_lockbox)) {
        const bool moved = MoveSecret(*client, prior, plan, call, state, to_retire, response.diagnostics);
        response.new_state = state.ToValue();
        RememberVersionsToRetire(response.private_state, to_retire);
        if (!moved)
            return;
    }
    // Old versions go before the rest of the update, whose failure must not keep them alive; one
    // that cannot go now is remembered, and the user's change still goes ahead.
    RetireVersions(*client, to_retire, HomeConfirmed(*client, state, to_retire, call), call, response.diagnostics);
    RememberVersionsToRetire(response.private_state, to_retire);
    // Between "" and null nothing changes in the cloud, so nothing is sent.
    ycloud::UpdateApiKeyRequest update;
    if (Changed(plan, prior, &ApiKeyModel::description))
        update.description = TextOr(plan.description);
    // Scopes left unset keep whatever the key has: the plan never asks to empty them.
    if (Changed(plan, prior, &ApiKeyModel::scopes) && IsSet(plan, &ApiKeyModel::scopes) == true)
        update.scopes = Texts(plan.scopes);
    if (Changed(plan, prior, &ApiKeyModel::expires_at))
        update.expires_at = TextOr(plan.expires_at);  // "" clears the expiry
    if (update.description || update.scopes || update.expires_at) {
        auto done = client->Operations().Finish(client->ApiKeys().Update(id, update, call), call);
        if (!done) {
            AddApiError(response.diagnostics, "Cannot update API key " + id, done.GetError());
            return;
        }
    }
    // The plan's configuration with the secret's attributes as they now are, then the cloud's view.
    auto updated = plan;
    updated.secret_key = state.secret_key;
    updated.output_to_lockbox_version_id = state.output_to_lockbox_version_id;
    auto key = client->ApiKeys().Get(id, call);
    if (!key) {
        AddApiError(response.diagnostics, "Cannot read the updated API key", key.GetError());
        return;
    }
    WriteApiKey(updated, key.Value());
    response.new_state = updated.ToValue();
}

}  // namespace provider
