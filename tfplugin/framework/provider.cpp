#include "tfplugin/framework/provider.hpp"

#include <algorithm>

#include "tfplugin/framework/plan.hpp"
#include "tfplugin/framework/state_chores.hpp"
#include "tfplugin/types/value_transform.hpp"

namespace tfplugin::framework {

namespace {

void SortAndDeduplicate(std::vector<AttributePath>& paths) {
    std::sort(paths.begin(), paths.end(), [](const auto& a, const auto& b) { return a.ToString() < b.ToString(); });
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
}

// `what` says what the provider just did: "applying x", "reading x".
void RequireWhollyKnown(const Value& state, const std::string& what, Diagnostics& diagnostics) {
    if (!state.IsWhollyKnown()) {
        diagnostics.AddError("Provider returned an incomplete object",
                             "After " + what +
                                 " some attributes are still unknown. This is always a problem with the provider: "
                                 "please report it.");
    }
}

// A provider's schemas come from its definitions and never change while it runs, so Terraform may
// keep the first GetProviderSchema answer for every later start of the plugin in the same command
// (it starts it 3 to 5 times per run), as terraform-plugin-framework providers allow.
ServerCapabilities FrameworkCapabilities() {
    ServerCapabilities capabilities;
    capabilities.get_provider_schema_optional = true;
    return capabilities;
}

}  // namespace

Provider::Provider(Definition provider_definition) : provider_definition_(std::move(provider_definition)) {}

void Provider::AddResource(std::unique_ptr<Resource> resource) {
    resources_.Add(std::move(resource));
}

void Provider::AddDataSource(std::unique_ptr<DataSource> data_source) {
    data_sources_.Add(std::move(data_source));
}

void Provider::AddEphemeralResource(std::unique_ptr<EphemeralResource> ephemeral_resource) {
    ephemeral_resources_.Add(std::move(ephemeral_resource));
}

GetMetadataResponse Provider::GetMetadata() {
    GetMetadataResponse response;
    response.capabilities = FrameworkCapabilities();
    response.resources = resources_.Names();
    response.data_sources = data_sources_.Names();
    response.ephemeral_resources = ephemeral_resources_.Names();
    return response;
}

GetProviderSchemaResponse Provider::GetProviderSchema() {
    GetProviderSchemaResponse response;
    response.capabilities = FrameworkCapabilities();
    response.provider = provider_definition_.schema;
    response.resource_schemas = resources_.Schemas();
    response.data_source_schemas = data_sources_.Schemas();
    response.ephemeral_resource_schemas = ephemeral_resources_.Schemas();
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
    const auto* resource = resources_.Find(request.type_name, response.diagnostics);
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

void Provider::UpgradeResourceState(const CallContext& ctx,
                                    const UpgradeResourceStateRequest& request,
                                    UpgradeResourceStateResponse& response) {
    auto* resource = resources_.Find(request.type_name, response.diagnostics);
    if (resource == nullptr)
        return;
    UpgradeStateResponse upgraded;
    resource->UpgradeState(ctx, {request.version, request.raw_state}, upgraded);
    response.diagnostics.Append(upgraded.diagnostics);
    if (!upgraded.diagnostics.HasError()) {
        response.upgraded_state = UnknownsToNull(upgraded.state);  // stored state never holds unknowns
    }
}

void Provider::ReadResource(const CallContext& ctx,
                            const ReadResourceRequest& request,
                            ReadResourceResponse& response) {
    auto* resource = resources_.Find(request.type_name, response.diagnostics);
    if (resource == nullptr)
        return;
    const auto private_state = PrivateState::Parse(request.private_state);
    ReadResponse read{request.current_state, private_state, {}};
    resource->Read(ctx, {request.current_state, private_state}, read);
    response.diagnostics.Append(read.diagnostics);
    response.new_state = KeepEmptyAsWritten(resource->GetDefinition(), request.current_state, read.new_state);
    response.private_state = read.private_state.Serialize();
}

void Provider::PlanResourceChange(const CallContext& ctx,
                                  const PlanResourceChangeRequest& request,
                                  PlanResourceChangeResponse& response) {
    auto* resource = resources_.Find(request.type_name, response.diagnostics);
    if (resource == nullptr)
        return;
    // The delete, too, gets what the prior private state remembers.
    const auto prior_private = PrivateState::Parse(request.prior_private);
    response.planned_private = prior_private.Serialize();
    if (request.proposed_new_state.IsNull()) {
        response.planned_state = request.proposed_new_state;  // destroy: nothing to plan
        return;
    }
    auto chores =
        RunPlanChores(resource->GetDefinition(), request.prior_state, request.proposed_new_state, request.config);
    ModifyPlanResponse modified{chores.planned_state, std::move(chores.requires_replace), prior_private, {}};
    resource->ModifyPlan(ctx, {request.config, request.prior_state, chores.planned_state, prior_private}, modified);
    SortAndDeduplicate(modified.requires_replace);
    response.planned_state = modified.planned_state;
    response.requires_replace = std::move(modified.requires_replace);
    response.planned_private = modified.planned_private.Serialize();
    response.diagnostics.Append(modified.diagnostics);
}

void Provider::ApplyResourceChange(const CallContext& ctx,
                                   const ApplyResourceChangeRequest& request,
                                   ApplyResourceChangeResponse& response) {
    auto* resource = resources_.Find(request.type_name, response.diagnostics);
    if (resource == nullptr)
        return;
    const auto planned_private = PrivateState::Parse(request.planned_private);
    if (request.planned_state.IsNull()) {
        DeleteResponse deleted{planned_private, {}};
        resource->Delete(ctx, {request.prior_state, planned_private}, deleted);
        response.diagnostics.Append(deleted.diagnostics);
        // Gone unless deleting failed, in which case the object, and what it remembers, are still there.
        const bool failed = deleted.diagnostics.HasError();
        response.new_state = failed ? request.prior_state : request.planned_state;
        response.private_state = failed ? deleted.private_state.Serialize() : "";
        return;
    }
    Value new_state;
    PrivateState private_state;
    Diagnostics diagnostics;
    if (request.prior_state.IsNull()) {
        CreateResponse created{Value::Null(request.planned_state.GetType()), planned_private, {}};
        resource->Create(ctx, {request.config, request.planned_state, planned_private}, created);
        new_state = created.new_state;
        private_state = created.private_state;
        diagnostics = created.diagnostics;
    } else {
        UpdateResponse updated{request.prior_state, planned_private, {}};
        resource->Update(ctx, {request.config, request.prior_state, request.planned_state, planned_private}, updated);
        new_state = updated.new_state;
        private_state = updated.private_state;
        diagnostics = updated.diagnostics;
    }
    new_state = KeepEmptyAsWritten(resource->GetDefinition(), request.planned_state, new_state);
    if (diagnostics.HasError()) {
        // Whatever the resource recorded (at least the id of an object it created) is kept;
        // what it never learned is null, as Terraform would make it.
        new_state = UnknownsToNull(new_state);
    } else {
        RequireWhollyKnown(new_state, "applying " + request.type_name, diagnostics);
    }
    response.new_state = new_state;
    response.private_state = private_state.Serialize();
    response.diagnostics.Append(diagnostics);
}

void Provider::ImportResourceState(const CallContext& ctx,
                                   const ImportResourceStateRequest& request,
                                   ImportResourceStateResponse& response) {
    auto* resource = resources_.Find(request.type_name, response.diagnostics);
    if (resource == nullptr)
        return;
    ImportStateResponse imported;
    resource->ImportState(ctx, {request.id}, imported);
    response.diagnostics.Append(imported.diagnostics);
    if (!imported.diagnostics.HasError()) {
        response.imported_resources.push_back({request.type_name, UnknownsToNull(imported.state), {}});
    }
}

void Provider::ValidateDataResourceConfig(const CallContext& ctx,
                                          const ValidateDataResourceConfigRequest& request,
                                          ValidateResponse& response) {
    const auto* data_source = data_sources_.Find(request.type_name, response.diagnostics);
    if (data_source == nullptr)
        return;
    ValidateAttributes(data_source->GetDefinition(), request.config, response.diagnostics);
    data_source->ValidateConfig(ctx, request.config, response.diagnostics);
}

void Provider::ReadDataSource(const CallContext& ctx,
                              const ReadDataSourceRequest& request,
                              ReadDataSourceResponse& response) {
    auto* data_source = data_sources_.Find(request.type_name, response.diagnostics);
    if (data_source == nullptr)
        return;
    DataSourceReadResponse read{request.config, {}};
    data_source->Read(ctx, {request.config}, read);
    response.diagnostics.Append(read.diagnostics);
    if (read.diagnostics.HasError()) {
        // Terraform drops a failed read's result; what is sent must still be a valid object.
        response.state = UnknownsToNull(read.state);
        return;
    }
    RequireWhollyKnown(read.state, "reading " + request.type_name, response.diagnostics);
    response.state = read.state;
}

void Provider::ValidateEphemeralResourceConfig(const CallContext& ctx,
                                               const ValidateEphemeralResourceConfigRequest& request,
                                               ValidateResponse& response) {
    const auto* ephemeral = ephemeral_resources_.Find(request.type_name, response.diagnostics);
    if (ephemeral == nullptr)
        return;
    ValidateAttributes(ephemeral->GetDefinition(), request.config, response.diagnostics);
    ephemeral->ValidateConfig(ctx, request.config, response.diagnostics);
}

void Provider::OpenEphemeralResource(const CallContext& ctx,
                                     const OpenEphemeralResourceRequest& request,
                                     OpenEphemeralResourceResponse& response) {
    auto* ephemeral = ephemeral_resources_.Find(request.type_name, response.diagnostics);
    if (ephemeral == nullptr)
        return;
    OpenResponse opened{request.config, {}, {}, {}};
    ephemeral->Open(ctx, {request.config}, opened);
    response.diagnostics.Append(opened.diagnostics);
    if (opened.diagnostics.HasError()) {
        // Terraform never closes a failed open, so nothing else of it is of use.
        response.result = UnknownsToNull(opened.result);
        return;
    }
    response.private_data = opened.private_state.Serialize();
    response.renew_at = opened.renew_at;
    RequireWhollyKnown(opened.result, "opening " + request.type_name, response.diagnostics);
    response.result = opened.result;
}

void Provider::RenewEphemeralResource(const CallContext& ctx,
                                      const RenewEphemeralResourceRequest& request,
                                      RenewEphemeralResourceResponse& response) {
    auto* ephemeral = ephemeral_resources_.Find(request.type_name, response.diagnostics);
    if (ephemeral == nullptr)
        return;
    const auto private_state = PrivateState::Parse(request.private_data);
    RenewResponse renewed{private_state, {}, {}};
    ephemeral->Renew(ctx, {private_state}, renewed);
    response.private_data = renewed.private_state.Serialize();
    response.renew_at = renewed.renew_at;
    response.diagnostics.Append(renewed.diagnostics);
}

void Provider::CloseEphemeralResource(const CallContext& ctx,
                                      const CloseEphemeralResourceRequest& request,
                                      CloseEphemeralResourceResponse& response) {
    auto* ephemeral = ephemeral_resources_.Find(request.type_name, response.diagnostics);
    if (ephemeral == nullptr)
        return;
    CloseResponse closed;
    ephemeral->Close(ctx, {PrivateState::Parse(request.private_data)}, closed);
    response.diagnostics.Append(closed.diagnostics);
}

const Type* Provider::ValueTypeOf(ObjectKind kind, const std::string& type_name, Diagnostics& diagnostics) const {
    switch (kind) {
        case ObjectKind::kResource:
            return resources_.ValueTypeOf(type_name, diagnostics);
        case ObjectKind::kDataSource:
            return data_sources_.ValueTypeOf(type_name, diagnostics);
        case ObjectKind::kEphemeralResource:
            return ephemeral_resources_.ValueTypeOf(type_name, diagnostics);
    }
    return nullptr;
}

}  // namespace tfplugin::framework
