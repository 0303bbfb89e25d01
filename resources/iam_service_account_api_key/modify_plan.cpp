// Plan adjustments beyond the framework's chores: a computed value is unknown exactly when the
// apply will change it.
#include "resources/iam_service_account_api_key/resource.hpp"

namespace provider {

void ApiKeyResource::ModifyPlan(const tfplugin::CallContext& /*ctx*/,
                                const tfplugin::framework::ModifyPlanRequest& request,
                                tfplugin::framework::ModifyPlanResponse& response) {
    if (request.prior_state.IsNull())
        return;  // create: the chores left every computed value unknown
    const auto& planned = response.planned_state;
    // The API derives the deprecated `scope` from `scopes` (one scope: that scope; otherwise
    // none), so a change of scopes changes it too, unless the user sets it.
    if (!(planned.Attribute("scopes") == request.prior_state.Attribute("scopes")) &&
        request.config.Attribute("scope").IsNull()) {
        response.planned_state = planned.WithAttribute("scope", tfplugin::Value::Unknown(tfplugin::Type::String()));
    }
}

}  // namespace provider
