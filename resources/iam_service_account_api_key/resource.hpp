#pragma once

#include "tfplugin/framework/resource.hpp"

namespace provider {

/// The `yandex_iam_service_account_api_key` resource.
class ApiKeyResource final : public tfplugin::framework::Resource {
public:
    static constexpr const char* kTypeName = "yandex_iam_service_account_api_key";

    [[nodiscard]] std::string TypeName() const override { return kTypeName; }
    [[nodiscard]] const tfplugin::framework::Definition& GetDefinition() const override;
    void ValidateConfig(const tfplugin::CallContext& ctx,
                        const tfplugin::Value& config,
                        tfplugin::Diagnostics& diagnostics) const override;
};

}  // namespace provider
