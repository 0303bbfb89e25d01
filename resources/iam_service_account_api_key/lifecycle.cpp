// Read, delete and import. Create and update, which move the secret, have their own files.
#include "resources/common/values.hpp"
#include "resources/iam_service_account_api_key/apply_support.hpp"
#include "resources/iam_service_account_api_key/lockbox_output.hpp"
#include "resources/iam_service_account_api_key/lockbox_retirement.hpp"
#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/iam_service_account_api_key/rotation.hpp"
#include "resources/iam_service_account_api_key/state_mapping.hpp"
#include "tfplugin/framework/timeouts.hpp"

namespace provider {

using tfplugin::Diagnostics;
using tfplugin::Value;
using tfplugin::framework::TimeoutIn;

ycloud::Client* ApiKeyResource::Client(Diagnostics& diagnostics) const {
    return api_client_->GetOrDiagnose(diagnostics);
}

namespace {

// Forgotten, and the next plan creates it again; unless Lockbox versions still hold its secret:
// then it stays, marked, so the plan replaces it and its delete retires them first.
void KeyNoLongerExists(const ApiKeyModel& state,
                       const tfplugin::framework::ReadRequest& request,
                       tfplugin::framework::ReadResponse& response) {
    const auto versions = VersionsToRetire(state, request.private_state);
    if (versions.empty()) {
        response.new_state = Value::Null(request.current_state.GetType());
        return;
    }
    MarkKeyGone(response.private_state);
    std::string list;
    for (const auto& version : versions)
        list += (list.empty() ? "" : ", ") + version.version_id + " of Lockbox secret " + version.secret_id;
    response.diagnostics.AddWarning(
        "API key no longer exists",
        "API key " + TextOr(state.id) + " no longer exists, but version " + list +
            " still holds its secret, so the key stays in the state until that is retired: a plan replaces the key "
            "(a destroy removes it), and deleting the old key schedules the version for destruction.");
}

}  // namespace

void ApiKeyResource::Read(const tfplugin::CallContext& ctx,
                          const tfplugin::framework::ReadRequest& request,
                          tfplugin::framework::ReadResponse& response) {
    auto* client = Client(response.diagnostics);
    if (client == nullptr)
        return;
    auto state = ApiKeyModel::From(request.current_state);
    const auto id = TextOr(state.id);
    const auto call = CallContextFor(ctx, TimeoutIn(state.timeouts, "read", kDefaultOperationTimeout));
    auto key = client->ApiKeys().Get(id, call);
    if (!key) {
        if (key.GetError().IsNotFound()) {
            KeyNoLongerExists(state, request, response);
            return;
        }
        AddApiError(response.diagnostics, "Cannot read API key " + id, key.GetError());
        return;
    }
    ClearKeyGone(response.private_state);  // seen now: a mark from a read that failed is void
    WriteApiKey(state, key.Value());
    RecordRotationCheck(response.private_state, state, std::chrono::system_clock::now());
    response.new_state = state.ToValue();
}

void ApiKeyResource::Delete(const tfplugin::CallContext& ctx,
                            const tfplugin::framework::DeleteRequest& request,
                            tfplugin::framework::DeleteResponse& response) {
    auto* client = Client(response.diagnostics);
    if (client == nullptr)
        return;
    const auto prior = ApiKeyModel::From(request.prior_state);
    const auto id = TextOr(prior.id);
    const auto call = CallContextFor(ctx, TimeoutIn(prior.timeouts, "delete", kDefaultOperationTimeout));
    auto done = client->Operations().Finish(client->ApiKeys().Delete(id, call), call);
    if (!done && !done.GetError().IsNotFound()) {  // already gone is what we wanted
        AddApiError(response.diagnostics, "Cannot delete API key " + id, done.GetError());
        return;
    }
    // The secret of a deleted key is useless; its Lockbox version goes too, also when the key
    // was already gone (the official provider forgets it then), and so do versions an earlier
    // apply could not retire. Those that fail now keep the object in state, to be tried again.
    auto to_retire = VersionsToRetire(prior, request.prior_private);
    RetireVersions(*client, to_retire, /*home_confirmed=*/true, call, response.diagnostics);  // the key is gone
    RememberVersionsToRetire(response.private_state, to_retire);
}

void ApiKeyResource::ImportState(const tfplugin::CallContext& /*ctx*/,
                                 const tfplugin::framework::ImportStateRequest& request,
                                 tfplugin::framework::ImportStateResponse& response) {
    // Terraform reads the key right after; the secret is shown by the API once only, at
    // creation, so an imported key never has one in state.
    auto state = ApiKeyModel::Null();
    state.id = Value::String(request.id);
    response.state = state.ToValue();
}

}  // namespace provider
