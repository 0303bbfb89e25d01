#pragma once

#include <map>
#include <memory>
#include <string>

#include "tfplugin/framework/data_source.hpp"
#include "tfplugin/framework/definition.hpp"
#include "tfplugin/framework/registry.hpp"
#include "tfplugin/framework/resource.hpp"
#include "tfplugin/protocol/provider_server.hpp"

namespace tfplugin::framework {

/// A ProviderServer built from resources and data sources: it answers schema and validation calls
/// from their definitions and routes each call to the resource or data source named in it. A concrete provider
/// derives from it, declares its own configuration schema and implements Configure.
class Provider : public ProviderServer {
public:
    explicit Provider(Definition provider_definition);

    void AddResource(std::unique_ptr<Resource> resource);
    void AddDataSource(std::unique_ptr<DataSource> data_source);

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
};

}  // namespace tfplugin::framework
