#pragma once

#include <map>
#include <string>

#include "tfplugin/protocol/provider_server.hpp"
#include "tfplugin/server/stop_signal.hpp"
#include "tfplugin6.grpc.pb.h"

namespace tfplugin::server {

/// tfplugin6.Provider over gRPC. Every handler follows the same steps: take a stop token,
/// decode the request against the cached schema types, call the provider, encode the response.
/// Problems reach Terraform as diagnostics; a gRPC error only means the call itself is wrong.
/// RPCs of what the protocol layer does not model (provider functions' calls, list resources,
/// state stores, actions) keep the generated UNIMPLEMENTED answer; Terraform only calls them when
/// a schema advertises them.
class ProviderService final : public tfplugin6::Provider::Service {
public:
    ProviderService(ProviderServer& provider, StopSignal& stop_signal);

    grpc::Status GetMetadata(grpc::ServerContext* context,
                             const tfplugin6::GetProviderMetadata_Request* request,
                             tfplugin6::GetProviderMetadata_Response* response) override;
    grpc::Status GetProviderSchema(grpc::ServerContext* context,
                                   const tfplugin6::GetProviderSchema_Request* request,
                                   tfplugin6::GetProviderSchema_Response* response) override;
    grpc::Status ValidateProviderConfig(grpc::ServerContext* context,
                                        const tfplugin6::ValidateProviderConfig_Request* request,
                                        tfplugin6::ValidateProviderConfig_Response* response) override;
    grpc::Status ValidateResourceConfig(grpc::ServerContext* context,
                                        const tfplugin6::ValidateResourceConfig_Request* request,
                                        tfplugin6::ValidateResourceConfig_Response* response) override;
    grpc::Status ValidateDataResourceConfig(grpc::ServerContext* context,
                                            const tfplugin6::ValidateDataResourceConfig_Request* request,
                                            tfplugin6::ValidateDataResourceConfig_Response* response) override;
    grpc::Status UpgradeResourceState(grpc::ServerContext* context,
                                      const tfplugin6::UpgradeResourceState_Request* request,
                                      tfplugin6::UpgradeResourceState_Response* response) override;
    grpc::Status ConfigureProvider(grpc::ServerContext* context,
                                   const tfplugin6::ConfigureProvider_Request* request,
                                   tfplugin6::ConfigureProvider_Response* response) override;
    grpc::Status ReadResource(grpc::ServerContext* context,
                              const tfplugin6::ReadResource_Request* request,
                              tfplugin6::ReadResource_Response* response) override;
    grpc::Status PlanResourceChange(grpc::ServerContext* context,
                                    const tfplugin6::PlanResourceChange_Request* request,
                                    tfplugin6::PlanResourceChange_Response* response) override;
    grpc::Status ApplyResourceChange(grpc::ServerContext* context,
                                     const tfplugin6::ApplyResourceChange_Request* request,
                                     tfplugin6::ApplyResourceChange_Response* response) override;
    grpc::Status ImportResourceState(grpc::ServerContext* context,
                                     const tfplugin6::ImportResourceState_Request* request,
                                     tfplugin6::ImportResourceState_Response* response) override;
    grpc::Status ReadDataSource(grpc::ServerContext* context,
                                const tfplugin6::ReadDataSource_Request* request,
                                tfplugin6::ReadDataSource_Response* response) override;
    grpc::Status ValidateEphemeralResourceConfig(
        grpc::ServerContext* context,
        const tfplugin6::ValidateEphemeralResourceConfig_Request* request,
        tfplugin6::ValidateEphemeralResourceConfig_Response* response) override;
    grpc::Status OpenEphemeralResource(grpc::ServerContext* context,
                                       const tfplugin6::OpenEphemeralResource_Request* request,
                                       tfplugin6::OpenEphemeralResource_Response* response) override;
    grpc::Status RenewEphemeralResource(grpc::ServerContext* context,
                                        const tfplugin6::RenewEphemeralResource_Request* request,
                                        tfplugin6::RenewEphemeralResource_Response* response) override;
    grpc::Status CloseEphemeralResource(grpc::ServerContext* context,
                                        const tfplugin6::CloseEphemeralResource_Request* request,
                                        tfplugin6::CloseEphemeralResource_Response* response) override;
    grpc::Status GetFunctions(grpc::ServerContext* context,
                              const tfplugin6::GetFunctions_Request* request,
                              tfplugin6::GetFunctions_Response* response) override;
    grpc::Status StopProvider(grpc::ServerContext* context,
                              const tfplugin6::StopProvider_Request* request,
                              tfplugin6::StopProvider_Response* response) override;

private:
    /// The value type of a resource, data source or ephemeral resource by its type name, or
    /// nullptr after adding an error diagnostic.
    const Type* ResourceType(const std::string& type_name, Diagnostics& diagnostics) const;
    const Type* DataSourceType(const std::string& type_name, Diagnostics& diagnostics) const;
    const Type* EphemeralResourceType(const std::string& type_name, Diagnostics& diagnostics) const;
    CallContext NewCallContext();

    ProviderServer& provider_;
    StopSignal& stop_signal_;
    GetProviderSchemaResponse schema_;
    Type provider_type_;
};

}  // namespace tfplugin::server
