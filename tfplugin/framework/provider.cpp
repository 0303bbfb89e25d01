#include "tfplugin/framework/provider.hpp"

namespace tfplugin::framework {

namespace {

void NotYetSupported(const std::string& operation, Diagnostics& diagnostics) {
    diagnostics.AddError(
        operation + " is not supported",
        "This build of the provider validates configurations but cannot yet " + operation + " resources.");
}

}  // namespace

Provider::Provider(Definition provider_definition) : provider_definition_(std::move(provider_definition)) {}

void Provider::AddResource(std::unique_ptr<Resource> resource) {
    auto name = resource->TypeName();
    resources_.emplace(std::move(name), std::move(resource));
}

Resource* Provider::FindResource(const std::string& type_name, Diagnostics& diagnostics) const {
    auto found = resources_.find(type_name);
    if (found == resources_.end()) {
        diagnostics.AddError("Unknown resource type",
                             "This provider has no resource type \"" + type_name +
                                 "\". This is always a problem with the provider: please report it.");
        return nullptr;
    }
    return found->second.get();
}

GetMetadataResponse Provider::GetMetadata() {
    GetMetadataResponse response;
    for (const auto& [name, resource] : resources_) {
        response.resources.push_back(name);
    }
    return response;
}

GetProviderSchemaResponse Provider::GetProviderSchema() {
    GetProviderSchemaResponse response;
    response.provider = provider_definition_.schema;
    for (const auto& [name, resource] : resources_) {
        response.resource_schemas.emplace(name, resource->GetDefinition().schema);
    }
    return response;
}

void Provider::ValidateProviderConfig(const CallContext& ctx,
                                      const ValidateProviderConfigRequest& request,
                                      ValidateResponse& response) {
    ValidateAttributes(provider_definition_, request.config, response.diagnostics);
    ValidateConfig(ctx, request.config, response.diagnostics);
}

void Provider::ValidateConfig(const CallContext& /*ctx*/, const Value& /*config*/, Diagnostics& /*diagnostics*/) {}

void Provider::ValidateResourceConfig(const CallContext& ctx,
                                      const ValidateResourceConfigRequest& request,
                                      ValidateResponse& response) {
    const auto* resource = FindResource(request.type_name, response.diagnostics);
    if (resource == nullptr)
        return;
    ValidateAttributes(resource->GetDefinition(), request.config, response.diagnostics);
    resource->ValidateConfig(ctx, request.config, response.diagnostics);
}

void Provider::ConfigureProvider(const CallContext& ctx,
                                 const ConfigureProviderRequest& request,
                                 ConfigureProviderResponse& response) {
    Configure(ctx, request, response.diagnostics);
}

void Provider::UpgradeResourceState(const CallContext& /*ctx*/,
                                    const UpgradeResourceStateRequest& /*request*/,
                                    UpgradeResourceStateResponse& response) {
    NotYetSupported("upgrade state of", response.diagnostics);
}

void Provider::ReadResource(const CallContext& /*ctx*/,
                            const ReadResourceRequest& /*request*/,
                            ReadResourceResponse& response) {
    NotYetSupported("read", response.diagnostics);
}

void Provider::PlanResourceChange(const CallContext& /*ctx*/,
                                  const PlanResourceChangeRequest& /*request*/,
                                  PlanResourceChangeResponse& response) {
    NotYetSupported("plan", response.diagnostics);
}

void Provider::ApplyResourceChange(const CallContext& /*ctx*/,
                                   const ApplyResourceChangeRequest& /*request*/,
                                   ApplyResourceChangeResponse& response) {
    NotYetSupported("apply", response.diagnostics);
}

void Provider::ImportResourceState(const CallContext& /*ctx*/,
                                   const ImportResourceStateRequest& /*request*/,
                                   ImportResourceStateResponse& response) {
    NotYetSupported("import", response.diagnostics);
}

}  // namespace tfplugin::framework
