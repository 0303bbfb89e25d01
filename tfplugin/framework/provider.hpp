#pragma once

#include <map>
#include <memory>
#include <string>

#include "tfplugin/framework/data_source.hpp"
#include "tfplugin/framework/definition.hpp"
#include "tfplugin/framework/ephemeral_resource.hpp"
#include "tfplugin/framework/registry.hpp"
#include "tfplugin/framework/resource.hpp"
#include "tfplugin/protocol/provider_server.hpp"

namespace tfplugin::framework {

/// A ProviderServer built from resources, data sources and ephemeral resources: it answers schema
/// and validation calls from their definitions and routes each call to the object it names. A concrete provider
/// derives from it, declares its own configuration schema and implements Configure.
class Provider : public ProviderServer {
public:
    explicit Provider(Definition provider_definition);

    void AddResource(std::unique_ptr<Resource> resource);
    void AddDataSource(std::unique_ptr<DataSource> data_source);
    void AddEphemeralResource(std::unique_ptr<EphemeralResource> ephemeral_resource);

    GetMetadataResponse GetMetadata() override;
    GetProviderSchemaResponse GetProviderSchema() override;
    void ValidateProviderConfig(const CallContext& ctx,
                                const ValidateProviderConfigRequest& request,
                                ValidateResponse& response) override;
    void ValidateResourceConfig(const CallContext& ctx,
                                const ValidateResourceConfigRequest& request,
                                ValidateResponse& response) override;
    void ConfigureProvider(const CallContext& ctx,
                           const ConfigureProviderRequest& request,
                           ConfigureProviderResponse& response) override;
    void UpgradeResourceState(const CallContext& ctx,
                              const UpgradeResourceStateRequest& request,
                              UpgradeResourceStateResponse& response) override;
    void ReadResource(const CallContext& ctx,
                      const ReadResourceRequest& request,
                      ReadResourceResponse& response) override;
    void PlanResourceChange(const CallContext& ctx,
                            const PlanResourceChangeRequest& request,
                            PlanResourceChangeResponse& response) override;
    void ApplyResourceChange(const CallContext& ctx,
                             const ApplyResourceChangeRequest& request,
                             ApplyResourceChangeResponse& response) override;
    void ImportResourceState(const CallContext& ctx,
                             const ImportResourceStateRequest& request,
                             ImportResourceStateResponse& response) override;
    void ValidateDataResourceConfig(const CallContext& ctx,
                                    const ValidateDataResourceConfigRequest& request,
                                    ValidateResponse& response) override;
    void ReadDataSource(const CallContext& ctx,
                        const ReadDataSourceRequest& request,
                        ReadDataSourceResponse& response) override;
    void ValidateEphemeralResourceConfig(const CallContext& ctx,
                                         const ValidateEphemeralResourceConfigRequest& request,
                                         ValidateResponse& response) override;
    void OpenEphemeralResource(const CallContext& ctx,
                               const OpenEphemeralResourceRequest& request,
                               OpenEphemeralResourceResponse& response) override;
    void RenewEphemeralResource(const CallContext& ctx,
                                const RenewEphemeralResourceRequest& request,
                                RenewEphemeralResourceResponse& response) override;
    void CloseEphemeralResource(const CallContext& ctx,
                                const CloseEphemeralResourceRequest& request,
                                CloseEphemeralResourceResponse& response) override;
    const Type* ValueTypeOf(ObjectKind kind, const std::string& type_name, Diagnostics& diagnostics) const override;

protected:
    /// Cross-attribute checks of the provider block (attribute validators have run already).
    virtual void ValidateConfig(const CallContext& ctx, const Value& config, Diagnostics& diagnostics);
    /// Builds whatever the resources need (an API client) from the provider block.
    virtual void Configure(const CallContext& ctx,
                           const ConfigureProviderRequest& request,
                           Diagnostics& diagnostics) = 0;

private:
    Definition provider_definition_;
    Registry<Resource> resources_{"resource type"};
    Registry<DataSource> data_sources_{"data source"};
    Registry<EphemeralResource> ephemeral_resources_{"ephemeral resource type"};
};

}  // namespace tfplugin::framework
