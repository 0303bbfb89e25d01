#include "tfplugin/server/provider_service.hpp"

#include <spdlog/spdlog.h>

#include "tfplugin/server/wire_conversion.hpp"

namespace tfplugin::server {

namespace {

// A bug that throws must not take the plugin down (Terraform would only say it "did not
// respond"): it becomes an error diagnostic on the call that hit it.
template <typename Call>
void Guarded(const char* rpc, Diagnostics& diagnostics, Call&& call) {
    try {
        call();
    } catch (const std::exception& error) {
        spdlog::error("{} failed: {}", rpc, error.what());
        diagnostics.AddError("Internal provider error",
                             std::string(rpc) + " failed: " + error.what() +
                                 ". This is always a problem with the provider: please report it.");
    }
}

void ToProto(std::chrono::system_clock::time_point when, google::protobuf::Timestamp& proto) {
    const auto since_epoch = when.time_since_epoch();
    const auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
    proto.set_seconds(seconds.count());
    proto.set_nanos(static_cast<std::int32_t>(std::chrono::nanoseconds(since_epoch - seconds).count()));
}

}  // namespace

ProviderService::ProviderService(ProviderServer& provider, StopSignal& stop_signal)
    : provider_(provider),
      stop_signal_(stop_signal),
      schema_(provider.GetProviderSchema()),
      provider_type_(schema_.provider.ValueType()) {}

CallContext ProviderService::NewCallContext() {
    return CallContext{stop_signal_.Token()};
}

const Type* ProviderService::ResourceType(const std::string& type_name, Diagnostics& diagnostics) const {
    return provider_.ValueTypeOf(ObjectKind::kResource, type_name, diagnostics);
}

const Type* ProviderService::DataSourceType(const std::string& type_name, Diagnostics& diagnostics) const {
    return provider_.ValueTypeOf(ObjectKind::kDataSource, type_name, diagnostics);
}

const Type* ProviderService::EphemeralResourceType(const std::string& type_name, Diagnostics& diagnostics) const {
    return provider_.ValueTypeOf(ObjectKind::kEphemeralResource, type_name, diagnostics);
}

grpc::Status ProviderService::GetMetadata(grpc::ServerContext* /*context*/,
                                          const tfplugin6::GetProviderMetadata_Request* /*request*/,
                                          tfplugin6::GetProviderMetadata_Response* response) {
    const auto metadata = provider_.GetMetadata();
    ToProto(metadata.capabilities, *response->mutable_server_capabilities());
    for (const auto& name : metadata.resources) {
        response->add_resources()->set_type_name(name);
    }
    for (const auto& name : metadata.data_sources) {
        response->add_data_sources()->set_type_name(name);
    }
    for (const auto& name : metadata.ephemeral_resources) {
        response->add_ephemeral_resources()->set_type_name(name);
    }
    ToProto(metadata.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::GetProviderSchema(grpc::ServerContext* /*context*/,
                                                const tfplugin6::GetProviderSchema_Request* /*request*/,
                                                tfplugin6::GetProviderSchema_Response* response) {
    spdlog::debug("GetProviderSchema");
    ToProto(schema_.provider, *response->mutable_provider());
    for (const auto& [name, schema] : schema_.resource_schemas) {
        ToProto(schema, (*response->mutable_resource_schemas())[name]);
    }
    for (const auto& [name, schema] : schema_.data_source_schemas) {
        ToProto(schema, (*response->mutable_data_source_schemas())[name]);
    }
    for (const auto& [name, schema] : schema_.ephemeral_resource_schemas) {
        ToProto(schema, (*response->mutable_ephemeral_resource_schemas())[name]);
    }
    // Terraform reads provider_meta even when a provider has none: an empty block is valid.
    response->mutable_provider_meta()->mutable_block();
    ToProto(schema_.capabilities, *response->mutable_server_capabilities());
    ToProto(schema_.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ValidateProviderConfig(grpc::ServerContext* /*context*/,
                                                     const tfplugin6::ValidateProviderConfig_Request* request,
                                                     tfplugin6::ValidateProviderConfig_Response* response) {
    spdlog::debug("ValidateProviderConfig");
    ValidateResponse result;
    if (auto config = FromProto(request->config(), provider_type_, "provider configuration", result.diagnostics)) {
        Guarded("ValidateProviderConfig", result.diagnostics, [&] {
            provider_.ValidateProviderConfig(NewCallContext(), {*config}, result);
        });
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ValidateResourceConfig(grpc::ServerContext* /*context*/,
                                                     const tfplugin6::ValidateResourceConfig_Request* request,
                                                     tfplugin6::ValidateResourceConfig_Response* response) {
    spdlog::debug("ValidateResourceConfig {}", request->type_name());
    ValidateResponse result;
    if (const auto* type = ResourceType(request->type_name(), result.diagnostics)) {
        if (auto config = FromProto(request->config(), *type, "resource configuration", result.diagnostics)) {
            Guarded("ValidateResourceConfig", result.diagnostics, [&] {
                provider_.ValidateResourceConfig(
                    NewCallContext(),
                    {request->type_name(), *config, FromProto(request->client_capabilities())},
                    result);
            });
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ValidateDataResourceConfig(grpc::ServerContext* /*context*/,
                                                         const tfplugin6::ValidateDataResourceConfig_Request* request,
                                                         tfplugin6::ValidateDataResourceConfig_Response* response) {
    spdlog::debug("ValidateDataResourceConfig {}", request->type_name());
    ValidateResponse result;
    if (const auto* type = DataSourceType(request->type_name(), result.diagnostics)) {
        if (auto config = FromProto(request->config(), *type, "data source configuration", result.diagnostics)) {
            Guarded("ValidateDataResourceConfig", result.diagnostics, [&] {
                provider_.ValidateDataResourceConfig(NewCallContext(), {request->type_name(), *config}, result);
            });
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ReadDataSource(grpc::ServerContext* /*context*/,
                                             const tfplugin6::ReadDataSource_Request* request,
                                             tfplugin6::ReadDataSource_Response* response) {
    spdlog::debug("ReadDataSource {}", request->type_name());
    ReadDataSourceResponse result;
    if (const auto* type = DataSourceType(request->type_name(), result.diagnostics)) {
        if (auto config = FromProto(request->config(), *type, "data source configuration", result.diagnostics)) {
            result.state = *config;
            Guarded("ReadDataSource", result.diagnostics, [&] {
                provider_.ReadDataSource(NewCallContext(),
                                         {request->type_name(), *config, FromProto(request->client_capabilities())},
                                         result);
            });
            ToProto(result.state, *type, *response->mutable_state());
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::UpgradeResourceState(grpc::ServerContext* /*context*/,
                                                   const tfplugin6::UpgradeResourceState_Request* request,
                                                   tfplugin6::UpgradeResourceState_Response* response) {
    spdlog::debug("UpgradeResourceState {} from version {}", request->type_name(), request->version());
    UpgradeResourceStateResponse result;
    if (const auto* type = ResourceType(request->type_name(), result.diagnostics)) {
        UpgradeResourceStateRequest upgrade;
        upgrade.type_name = request->type_name();
        upgrade.version = request->version();
        // The stored state may be tens of megabytes, and the request message is gRPC's only until
        // this call returns, never read again: take its text instead of copying it. (The message
        // is not const itself; gRPC hands it over as const.)
        upgrade.raw_state.json = std::move(
            *const_cast<tfplugin6::UpgradeResourceState_Request*>(request)->mutable_raw_state()->mutable_json());
        upgrade.raw_state.flatmap.insert(request->raw_state().flatmap().begin(), request->raw_state().flatmap().end());
        Guarded("UpgradeResourceState", result.diagnostics, [&] {
            provider_.UpgradeResourceState(NewCallContext(), upgrade, result);
        });
        if (!result.diagnostics.HasError()) {
            ToProto(result.upgraded_state, *type, *response->mutable_upgraded_state());
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ConfigureProvider(grpc::ServerContext* /*context*/,
                                                const tfplugin6::ConfigureProvider_Request* request,
                                                tfplugin6::ConfigureProvider_Response* response) {
    spdlog::debug("ConfigureProvider from Terraform {}", request->terraform_version());
    ConfigureProviderResponse result;
    if (auto config = FromProto(request->config(), provider_type_, "provider configuration", result.diagnostics)) {
        Guarded("ConfigureProvider", result.diagnostics, [&] {
            provider_.ConfigureProvider(
                NewCallContext(),
                {request->terraform_version(), *config, FromProto(request->client_capabilities())},
                result);
        });
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ReadResource(grpc::ServerContext* /*context*/,
                                           const tfplugin6::ReadResource_Request* request,
                                           tfplugin6::ReadResource_Response* response) {
    spdlog::debug("ReadResource {}", request->type_name());
    ReadResourceResponse result;
    if (const auto* type = ResourceType(request->type_name(), result.diagnostics)) {
        if (auto state = FromProto(request->current_state(), *type, "current state", result.diagnostics)) {
            ReadResourceRequest read{
                request->type_name(), *state, request->private_(), FromProto(request->client_capabilities())};
            result.new_state = *state;
            result.private_state = request->private_();
            Guarded(
                "ReadResource", result.diagnostics, [&] { provider_.ReadResource(NewCallContext(), read, result); });
            ToProto(result.new_state, *type, *response->mutable_new_state());
            response->set_private_(result.private_state);
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::PlanResourceChange(grpc::ServerContext* /*context*/,
                                                 const tfplugin6::PlanResourceChange_Request* request,
                                                 tfplugin6::PlanResourceChange_Response* response) {
    spdlog::debug("PlanResourceChange {}", request->type_name());
    PlanResourceChangeResponse result;
    if (const auto* type = ResourceType(request->type_name(), result.diagnostics)) {
        auto prior = FromProto(request->prior_state(), *type, "prior state", result.diagnostics);
        auto proposed = FromProto(request->proposed_new_state(), *type, "proposed state", result.diagnostics);
        auto config = FromProto(request->config(), *type, "resource configuration", result.diagnostics);
        if (prior && proposed && config) {
            PlanResourceChangeRequest plan{request->type_name(),
                                           *prior,
                                           *proposed,
                                           *config,
                                           request->prior_private(),
                                           FromProto(request->client_capabilities())};
            result.planned_state = *proposed;
            result.planned_private = request->prior_private();
            Guarded("PlanResourceChange", result.diagnostics, [&] {
                provider_.PlanResourceChange(NewCallContext(), plan, result);
            });
            ToProto(result.planned_state, *type, *response->mutable_planned_state());
            for (const auto& path : result.requires_replace) {
                ToProto(path, *response->add_requires_replace());
            }
            response->set_planned_private(result.planned_private);
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ApplyResourceChange(grpc::ServerContext* /*context*/,
                                                  const tfplugin6::ApplyResourceChange_Request* request,
                                                  tfplugin6::ApplyResourceChange_Response* response) {
    spdlog::debug("ApplyResourceChange {}", request->type_name());
    ApplyResourceChangeResponse result;
    if (const auto* type = ResourceType(request->type_name(), result.diagnostics)) {
        auto prior = FromProto(request->prior_state(), *type, "prior state", result.diagnostics);
        auto planned = FromProto(request->planned_state(), *type, "planned state", result.diagnostics);
        auto config = FromProto(request->config(), *type, "resource configuration", result.diagnostics);
        if (prior && planned && config) {
            ApplyResourceChangeRequest apply{
                request->type_name(), *prior, *planned, *config, request->planned_private()};
            // Until the provider says otherwise, nothing changed: on an early error Terraform keeps the prior object.
            result.new_state = *prior;
            Guarded("ApplyResourceChange", result.diagnostics, [&] {
                provider_.ApplyResourceChange(NewCallContext(), apply, result);
            });
            ToProto(result.new_state, *type, *response->mutable_new_state());
            response->set_private_(result.private_state);
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ImportResourceState(grpc::ServerContext* /*context*/,
                                                  const tfplugin6::ImportResourceState_Request* request,
                                                  tfplugin6::ImportResourceState_Response* response) {
    spdlog::debug("ImportResourceState {}", request->type_name());
    ImportResourceStateResponse result;
    if (ResourceType(request->type_name(), result.diagnostics) != nullptr) {
        Guarded("ImportResourceState", result.diagnostics, [&] {
            provider_.ImportResourceState(
                NewCallContext(),
                {request->type_name(), request->id(), FromProto(request->client_capabilities())},
                result);
        });
        for (const auto& imported : result.imported_resources) {
            const auto* type = ResourceType(imported.type_name, result.diagnostics);
            if (type == nullptr)
                continue;
            auto& proto = *response->add_imported_resources();
            proto.set_type_name(imported.type_name);
            ToProto(imported.state, *type, *proto.mutable_state());
            proto.set_private_(imported.private_state);
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::ValidateEphemeralResourceConfig(
    grpc::ServerContext* /*context*/,
    const tfplugin6::ValidateEphemeralResourceConfig_Request* request,
    tfplugin6::ValidateEphemeralResourceConfig_Response* response) {
    spdlog::debug("ValidateEphemeralResourceConfig {}", request->type_name());
    ValidateResponse result;
    if (const auto* type = EphemeralResourceType(request->type_name(), result.diagnostics)) {
        if (auto config = FromProto(request->config(), *type, "ephemeral resource configuration", result.diagnostics)) {
            Guarded("ValidateEphemeralResourceConfig", result.diagnostics, [&] {
                provider_.ValidateEphemeralResourceConfig(NewCallContext(), {request->type_name(), *config}, result);
            });
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

// Like every value here, the result is never logged, only the type name: it is what the user keeps
// out of plans and states, a secret more often than not.
grpc::Status ProviderService::OpenEphemeralResource(grpc::ServerContext* /*context*/,
                                                    const tfplugin6::OpenEphemeralResource_Request* request,
                                                    tfplugin6::OpenEphemeralResource_Response* response) {
    spdlog::debug("OpenEphemeralResource {}", request->type_name());
    OpenEphemeralResourceResponse result;
    if (const auto* type = EphemeralResourceType(request->type_name(), result.diagnostics)) {
        if (auto config = FromProto(request->config(), *type, "ephemeral resource configuration", result.diagnostics)) {
            result.result = *config;
            Guarded("OpenEphemeralResource", result.diagnostics, [&] {
                provider_.OpenEphemeralResource(
                    NewCallContext(),
                    {request->type_name(), *config, FromProto(request->client_capabilities())},
                    result);
            });
            ToProto(result.result, *type, *response->mutable_result());
            if (!result.private_data.empty())
                response->set_private_(result.private_data);
            if (result.renew_at)
                ToProto(*result.renew_at, *response->mutable_renew_at());
        }
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::RenewEphemeralResource(grpc::ServerContext* /*context*/,
                                                     const tfplugin6::RenewEphemeralResource_Request* request,
                                                     tfplugin6::RenewEphemeralResource_Response* response) {
    spdlog::debug("RenewEphemeralResource {}", request->type_name());
    RenewEphemeralResourceResponse result;
    if (EphemeralResourceType(request->type_name(), result.diagnostics) != nullptr) {
        result.private_data = request->private_();
        Guarded("RenewEphemeralResource", result.diagnostics, [&] {
            provider_.RenewEphemeralResource(NewCallContext(), {request->type_name(), request->private_()}, result);
        });
        if (!result.private_data.empty())
            response->set_private_(result.private_data);
        if (result.renew_at)
            ToProto(*result.renew_at, *response->mutable_renew_at());
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::CloseEphemeralResource(grpc::ServerContext* /*context*/,
                                                     const tfplugin6::CloseEphemeralResource_Request* request,
                                                     tfplugin6::CloseEphemeralResource_Response* response) {
    spdlog::debug("CloseEphemeralResource {}", request->type_name());
    CloseEphemeralResourceResponse result;
    if (EphemeralResourceType(request->type_name(), result.diagnostics) != nullptr) {
        Guarded("CloseEphemeralResource", result.diagnostics, [&] {
            provider_.CloseEphemeralResource(NewCallContext(), {request->type_name(), request->private_()}, result);
        });
    }
    ToProto(result.diagnostics, *response->mutable_diagnostics());
    return grpc::Status::OK;
}

grpc::Status ProviderService::GetFunctions(grpc::ServerContext* /*context*/,
                                           const tfplugin6::GetFunctions_Request* /*request*/,
                                           tfplugin6::GetFunctions_Response* /*response*/) {
    return grpc::Status::OK;  // no provider functions
}

grpc::Status ProviderService::StopProvider(grpc::ServerContext* /*context*/,
                                           const tfplugin6::StopProvider_Request* /*request*/,
                                           tfplugin6::StopProvider_Response* /*response*/) {
    spdlog::info("StopProvider: cancelling calls in flight");
    stop_signal_.StopCallsInFlight();
    return grpc::Status::OK;
}

}  // namespace tfplugin::server
