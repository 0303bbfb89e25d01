#pragma once

#include "tfplugin/framework/provider.hpp"

namespace provider {

/// The provider itself: its configuration and its resources.
class YandexProvider final : public tfplugin::framework::Provider {
public:
    YandexProvider();

protected:
    void ValidateConfig(const tfplugin::CallContext& ctx,
                        const tfplugin::Value& config,
                        tfplugin::Diagnostics& diagnostics) override;
    void Configure(const tfplugin::CallContext& ctx,
                   const tfplugin::ConfigureProviderRequest& request,
                   tfplugin::Diagnostics& diagnostics) override;
};

}  // namespace provider
