// State written by the official Go provider (schema version 0, the same attributes) is taken over
// as it is, except for the empty strings its SDK writes for unset attributes: here they are null,
// as Terraform itself would write them, so `terraform state replace-provider` leaves no diff.
#include "resources/iam_service_account_api_key/resource.hpp"

namespace provider {

void ApiKeyResource::UpgradeState(const tfplugin::CallContext& ctx,
                                  const tfplugin::framework::UpgradeStateRequest& request,
                                  tfplugin::framework::UpgradeStateResponse& response) {
    Resource::UpgradeState(ctx, request, response);
    if (response.diagnostics.HasError() || !response.state.IsKnown())
        return;
    const auto decoded = response.state;  // iterate a stable copy while response.state changes
    for (const auto& [name, value] : decoded.Attributes()) {
        if (value.GetType() == tfplugin::Type::String() && value.IsKnown() && value.AsString().empty()) {
            response.state = response.state.WithAttribute(name, tfplugin::Value::Null(tfplugin::Type::String()));
        }
    }
}

}  // namespace provider
