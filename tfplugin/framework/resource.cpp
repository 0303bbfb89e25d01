#include "tfplugin/framework/resource.hpp"

#include "tfplugin/types/codec.hpp"
#include "tfplugin/types/decode_error.hpp"

namespace tfplugin::framework {

void Resource::ValidateConfig(const CallContext& /*ctx*/, const Value& /*config*/, Diagnostics& /*diagnostics*/) const {
}

void Resource::ModifyPlan(const CallContext& /*ctx*/,
                          const ModifyPlanRequest& /*request*/,
                          ModifyPlanResponse& /*response*/) {}

void Resource::ImportState(const CallContext& /*ctx*/,
                           const ImportStateRequest& /*request*/,
                           ImportStateResponse& response) {
    response.diagnostics.AddError("Import not supported", TypeName() + " cannot be imported.");
}

void Resource::UpgradeState(const CallContext& /*ctx*/,
                            const UpgradeStateRequest& request,
                            UpgradeStateResponse& response) {
    const auto& schema = GetDefinition().schema;
    if (request.version != schema.version) {
        response.diagnostics.AddError("Unsupported state version",
                                      "The state of this " + TypeName() + " was written with schema version " +
                                          std::to_string(request.version) + ", but this provider knows only version " +
                                          std::to_string(schema.version) + ".");
        return;
    }
    try {
        response.state = DecodeJson(request.raw_state.json, schema.ValueType());
    } catch (const DecodeError& error) {
        response.diagnostics.AddError(
            "Unreadable state",
            "The stored state of this " + TypeName() + " does not match its schema: " + error.what() + ".");
    }
}

}  // namespace tfplugin::framework
