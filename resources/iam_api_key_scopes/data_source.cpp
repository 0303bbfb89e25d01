#include "resources/iam_api_key_scopes/data_source.hpp"

#include "resources/common/calls.hpp"
#include "resources/common/values.hpp"
#include "tfplugin/framework/attributes.hpp"

namespace provider {

using tfplugin::Type;
using tfplugin::Value;

const tfplugin::framework::Definition& ApiKeyScopesDataSource::GetDefinition() const {
    static const auto definition = [] {
        tfplugin::framework::Definition made;
        made.schema.block.description =
            "The scopes Yandex Cloud lets an API key be limited to, as `yc iam api-key list-scopes` prints them.";
        made.schema.block.attributes = {tfplugin::framework::Computed(
            "scopes",
            Type::List(Type::String()),
            "Every scope an API key may have, in the order Yandex Cloud lists them (all pages).")};
        return made;
    }();
    return definition;
}

void ApiKeyScopesDataSource::Read(const tfplugin::CallContext& ctx,
                                  const tfplugin::framework::DataSourceReadRequest& /*request*/,
                                  tfplugin::framework::DataSourceReadResponse& response) {
    auto* client = api_client_->GetOrDiagnose(response.diagnostics);
    if (client == nullptr)
        return;
    auto listed = client->ApiKeys().ListScopes(CallContextFor(ctx, kDefaultOperationTimeout));
    if (!listed) {
        AddApiError(response.diagnostics, "Cannot list the scopes of API keys", listed.GetError());
        return;
    }
    response.state = response.state.WithAttribute("scopes", TextList(listed.Value()));
}

}  // namespace provider
