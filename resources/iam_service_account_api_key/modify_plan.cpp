// Plan adjustments beyond the framework's chores: new scopes are checked against the cloud's
// list, and a computed value is unknown exactly when the apply will change it (and known when
// the plan can already tell, such as no plaintext secret in state with a PGP key).
#include "resources/iam_service_account_api_key/apply_support.hpp"
#include "resources/iam_service_account_api_key/lockbox_output.hpp"
#include "resources/iam_service_account_api_key/lockbox_retirement.hpp"
#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/iam_service_account_api_key/rotation.hpp"
#include "resources/iam_service_account_api_key/state_mapping.hpp"
#include "tfplugin/framework/timeouts.hpp"
#include "tfplugin/framework/timestamp.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Type;
using tfplugin::Value;

const Value kNullString = Value::Null(Type::String());
const Value kUnknownString = Value::Unknown(Type::String());

// The read timeout a configuration sets, for the plan's checks.
std::chrono::nanoseconds ReadTimeout(const ApiKeyModel& config) {
    return tfplugin::framework::TimeoutIn(config.timeouts, "read", kDefaultOperationTimeout);
}

// Where a new key's secret will be: planned exactly when the configuration already says.
void PlanCreatedSecret(ApiKeyModel& planned, const ApiKeyModel& config) {
    const auto pgp = IsSet(config, &ApiKeyModel::pgp_key);
    const auto lockbox = IsSet(config, &ApiKeyModel::output_to_lockbox);
    if (pgp == false) {
        planned.encrypted_secret_key = kNullString;
        planned.key_fingerprint = kNullString;
    }
    if (lockbox == false)
        planned.output_to_lockbox_version_id = kNullString;
    if (pgp == true || lockbox == true)
        planned.secret_key = kNullString;
}

// Where the secret of an existing key goes when `output_to_lockbox` changes.
void PlanMovedSecret(ApiKeyModel& planned, const ApiKeyModel& config) {
    const auto lockbox = IsSet(config, &ApiKeyModel::output_to_lockbox);
    if (!lockbox) {
        planned.output_to_lockbox_version_id = kUnknownString;
        planned.secret_key = kUnknownString;
    } else if (*lockbox) {
        planned.output_to_lockbox_version_id = kUnknownString;
        planned.secret_key = kNullString;
    } else {
        // Back from Lockbox: into state in plaintext, unless a PGP key keeps it encrypted there.
        planned.output_to_lockbox_version_id = kNullString;
        planned.secret_key = IsSet(config, &ApiKeyModel::pgp_key) == true ? kNullString : kUnknownString;
    }
}

// An expiry that has passed makes a key that works not once: almost certainly a mistake. A key
// past its expiry must still be manageable (and destroyable), so this only warns.
void WarnIfExpiryPassed(const ApiKeyModel& config, bool creating, tfplugin::Diagnostics& diagnostics) {
    if (IsSet(config, &ApiKeyModel::expires_at) != true)
        return;
    const auto& text = config.expires_at.AsString();
    const auto expiry = tfplugin::framework::Timestamp::ParseRfc3339(text);
    const auto now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
    if (!expiry || expiry->seconds > now.count())
        return;  // a malformed one is validation's to report
    diagnostics.AddAttributeWarning(
        PathOf(&ApiKeyModel::expires_at),
        "Expiry in the past",
        "\"" + text + "\" has already passed, so the key " +
            (creating ? "will not work from the moment it is created" : "stops working as soon as this is applied") +
            ". Set a later time, or remove expires_at for a key that never expires.");
}

// Lockbox versions an earlier apply could not retire still hold a secret of this key. Terraform
// applies only a plan that changes something, so the version id is planned unknown: the update
// that follows retires them, and says so now.
void PlanRetirements(const tfplugin::framework::PrivateState& prior_private,
                     ApiKeyModel& planned,
                     tfplugin::Diagnostics& diagnostics) {
    const auto versions = VersionsToRetire(prior_private);
    if (versions.empty())
        return;
    std::string list;
    for (const auto& version : versions)
        list += (list.empty() ? "" : ", ") + version.version_id + " of secret " + version.secret_id;
    planned.output_to_lockbox_version_id = kUnknownString;
    diagnostics.AddAttributeWarning(
        PathOf(&ApiKeyModel::output_to_lockbox),
        "Old Lockbox versions to retire",
        "An earlier apply could not schedule Lockbox version " + list +
            " for destruction, and it still holds a secret of this key. This apply does it, as an update.");
}

}  // namespace

void ApiKeyResource::CheckLockboxSecret(const tfplugin::CallContext& ctx,
                                        const ApiKeyModel& config,
                                        tfplugin::Diagnostics& diagnostics) {
    auto* client = api_client_->Get();
    const auto output = LockboxOutputOf(config.output_to_lockbox);
    if (client == nullptr || !output || output->secret_id.empty())
        return;  // not configured yet, no block, or an id known only at apply: apply checks
    const auto call = CallContextFor(ctx, ReadTimeout(config));
    const auto secret = client->Lockbox().GetSecret(output->secret_id, call);
    if (secret)
        return;
    const auto& error = secret.GetError();
    const auto path = PathOf(&ApiKeyModel::output_to_lockbox).Index(0).Attribute(api_key_attribute::kLockboxSecretId);
    if (error.IsNotFound() || error.code == ycloud::GrpcCode::kPermissionDenied) {
        diagnostics.AddAttributeError(path,
                                      "Lockbox secret not found",
                                      "Lockbox secret \"" + output->secret_id +
                                          "\" does not exist, or the provider's account may not use it (it needs "
                                          "the lockbox.editor role on the secret). Check the id with `yc lockbox "
                                          "secret list`. No API key was created. " +
                                          error.ToString());
        return;
    }
    diagnostics.AddAttributeWarning(path,
                                    "Cannot check the Lockbox secret",
                                    "The secret could not be read, so it is checked only when the key is written "
                                    "to it: " +
                                        error.ToString());
}

void ApiKeyResource::CheckScopes(const tfplugin::CallContext& ctx,
                                 const ApiKeyModel& config,
                                 tfplugin::Diagnostics& diagnostics) {
    auto* client = api_client_->Get();
    if (client == nullptr)
        return;  // not configured yet (a provider block with unknown values): apply checks
    std::vector<std::pair<std::string, AttributePath>> wanted;
    const auto& scopes = config.scopes;
    if (scopes.IsKnown()) {
        for (std::size_t i = 0; i < scopes.Elements().size(); ++i) {
            const auto& scope = scopes.Elements()[i];
            if (scope.IsKnown())
                wanted.emplace_back(scope.AsString(), PathOf(&ApiKeyModel::scopes).Index(static_cast<std::int64_t>(i)));
        }
    }
    if (IsSet(config, &ApiKeyModel::scope) == true)
        wanted.emplace_back(config.scope.AsString(), PathOf(&ApiKeyModel::scope));
    if (wanted.empty())
        return;
    const auto call = CallContextFor(ctx, ReadTimeout(config));
    auto known = scope_catalog_.Scopes(*client, call);
    if (!known) {
        diagnostics.AddWarning("Cannot check the scopes",
                               "The list of API key scopes could not be read, so the scopes are checked only when "
                               "the key is created: " +
                                   known.GetError().ToString());
        return;
    }
    const auto& catalog = known.Value();
    for (const auto& [scope, path] : wanted) {
        if (std::find(catalog.begin(), catalog.end(), scope) != catalog.end())
            continue;
        diagnostics.AddAttributeError(path,
                                      "Unknown scope",
                                      "\"" + scope + "\" is not an API key scope. Did you mean \"" +
                                          ClosestScope(catalog, scope) +
                                          "\"? `yc iam api-key list-scopes` lists them all.");
    }
}

void ApiKeyResource::ModifyPlan(const tfplugin::CallContext& ctx,
                                const tfplugin::framework::ModifyPlanRequest& request,
                                tfplugin::framework::ModifyPlanResponse& response) {
    const auto config = ApiKeyModel::From(request.config);
    auto planned = ApiKeyModel::From(response.planned_state);
    PlanChanges(ctx, request, config, planned, response);
    response.planned_state = planned.ToValue();
}

void ApiKeyResource::PlanChanges(const tfplugin::CallContext& ctx,
                                 const tfplugin::framework::ModifyPlanRequest& request,
                                 const ApiKeyModel& config,
                                 ApiKeyModel& planned,
                                 tfplugin::framework::ModifyPlanResponse& response) {
    if (request.prior_state.IsNull()) {
        // In a replacement, Terraform deletes the old key with this plan's private state: what it
        // still has to retire stays, the mark that it is gone goes (the new key's Create starts
        // afresh, without the old key's rotation record too).
        ClearKeyGone(response.planned_private);
        CheckScopes(ctx, config, response.diagnostics);
        CheckLockboxSecret(ctx, config, response.diagnostics);
        WarnIfExpiryPassed(config, true, response.diagnostics);
        PlanCreatedSecret(planned, config);
        return;
    }
    const auto prior = ApiKeyModel::From(request.prior_state);
    if (KeyGone(request.prior_private)) {
        // The key is gone (Read said why): a new one replaces it, after the old one's delete.
        planned.id = kUnknownString;
        response.requires_replace.push_back(PathOf(&ApiKeyModel::id));
        return;
    }
    if (planned.rotate_after.IsUnknown() && FoundDue(request.prior_private)) {
        // Not an error: Terraform plans this way before a destroy too. Terraform plans again during
        // the apply, with the value known; were the key due by then, it would refuse the apply.
        response.diagnostics.AddAttributeWarning(
            PathOf(&ApiKeyModel::rotate_after),
            "rotate_after not known",
            "rotate_after comes from a value known only after apply, so this plan cannot tell whether the key is "
            "due for rotation and does not rotate it; should the key turn out to be due, Terraform stops the apply "
            "with an inconsistent plan. Use a literal or a variable.");
    }
    if (const auto why = RotationDue(planned, request.prior_private)) {
        // Terraform replaces for a path whose planned value differs from the prior one: the new
        // key's creation time is that value.
        planned.created_at = kUnknownString;
        response.requires_replace.push_back(PathOf(&ApiKeyModel::created_at));
        response.diagnostics.AddAttributeWarning(PathOf(&ApiKeyModel::rotate_after), "API key due for rotation", *why);
        return;
    }
    PlanRetirements(request.prior_private, planned, response.diagnostics);
    if (Changed(planned, prior, &ApiKeyModel::expires_at))
        WarnIfExpiryPassed(config, false, response.diagnostics);
    const bool scopes_changed = Changed(planned, prior, &ApiKeyModel::scopes);
    if (scopes_changed || Changed(planned, prior, &ApiKeyModel::scope))
        CheckScopes(ctx, config, response.diagnostics);
    // The API derives the deprecated `scope` from `scopes` (one scope: that scope; otherwise
    // none), so a change of scopes changes it too, unless the user sets it. What the cloud chose
    // before is then no longer the plan: unknown, or the "" the configuration holds, which stays.
    if (scopes_changed && IsSet(config, &ApiKeyModel::scope) == false)
        planned.scope = config.scope.IsNull() ? kUnknownString : config.scope;
    const auto planned_output = LockboxOutputOf(planned.output_to_lockbox);
    const auto prior_output = LockboxOutputOf(prior.output_to_lockbox);
    if (planned_output != prior_output || !planned.output_to_lockbox.IsKnown()) {
        // A secret the state does not hold in plaintext (an imported key, or one kept only
        // encrypted) cannot be written to Lockbox afterwards: a new key is made instead.
        if (!prior_output && IsSet(config, &ApiKeyModel::output_to_lockbox) != false && !HoldsPlaintextSecret(prior)) {
            response.requires_replace.push_back(PathOf(&ApiKeyModel::output_to_lockbox));
            return;
        }
        CheckLockboxSecret(ctx, config, response.diagnostics);
        PlanMovedSecret(planned, config);
    }
}

}  // namespace provider
