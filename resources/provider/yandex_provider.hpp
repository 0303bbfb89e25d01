#pragma once

#include <memory>

#include "resources/common/api_client.hpp"
#include "resources/provider/client_config.hpp"
#include "tfplugin/framework/provider.hpp"

namespace provider {

/// The provider itself: its configuration and its resources.
class YandexProvider final : public tfplugin::framework::Provider {
public:
    explicit YandexProvider(EnvironmentLookup environment = &ProcessEnvironment);

protected:
    void ValidateConfig(const tfplugin::CallContext& ctx,
                        const tfplugin::Value& config,
                        tfplugin::Diagnostics& diagnostics) override;
    void Configure(const tfplugin::CallContext& ctx,
                   const tfplugin::ConfigureProviderRequest& request,
                   tfplugin::Diagnostics& diagnostics) override;

private:
    EnvironmentLookup environment_;
    std::shared_ptr<ApiClient> api_client_ = std::make_shared<ApiClient>();
};

}  // namespace provider
