// State of schema version 0 was written by the official Go provider (the same attributes): its SDK
// writes "" for every unset string, which here becomes null, as Terraform itself would write it,
// so `terraform state replace-provider` leaves no diff. Version 1, ours, is taken as it is: an ""
// there is what the configuration says (a module's default), and must stay "".
#include "resources/iam_service_account_api_key/resource.hpp"
#include "tfplugin/types/codec.hpp"
#include "tfplugin/types/decode_error.hpp"

namespace provider {

namespace {

constexpr std::int64_t kOfficialProviderVersion = 0;

tfplugin::Value WithoutEmptyStrings(const tfplugin::Value& state) {
    auto result = state;
    for (const auto& [name, value] : state.Attributes()) {
        if (value.GetType() == tfplugin::Type::String() && value.IsKnown() && value.AsString().empty())
            result = result.WithAttribute(name, tfplugin::Value::Null(tfplugin::Type::String()));
    }
    return result;
}

}  // namespace

void ApiKeyResource::UpgradeState(const tfplugin::CallContext& ctx,
                                  const tfplugin::framework::UpgradeStateRequest& request,
                                  tfplugin::framework::UpgradeStateResponse& response) {
    if (request.version != kOfficialProviderVersion) {
        Resource::UpgradeState(ctx, request, response);
        return;
    }
    try {
        const auto decoded = tfplugin::DecodeJson(request.raw_state.json, GetDefinition().schema.ValueType());
        response.state = decoded.IsKnown() ? WithoutEmptyStrings(decoded) : decoded;
    } catch (const tfplugin::DecodeError& error) {
        response.diagnostics.AddError(
            "Unreadable state",
            "The stored state of this " + TypeName() +
                " (written by yandex-cloud/yandex) does not match its schema: " + error.what() + ".");
    }
}

}  // namespace provider
