#pragma once

#include <memory>

#include "resources/common/api_client.hpp"
#include "tfplugin/framework/data_source.hpp"

namespace provider {

/// The `yandex_iam_service_account_api_keys` data source: every API key of one service account,
/// with what the cloud tells about it; never a secret, which the cloud shows only at creation.
class ServiceAccountApiKeysDataSource final : public tfplugin::framework::DataSource {
public:
    static constexpr const char* kTypeName = "yandex_iam_service_account_api_keys";

    explicit ServiceAccountApiKeysDataSource(std::shared_ptr<ApiClient> api_client)
        : api_client_(std::move(api_client)) {}

    [[nodiscard]] std::string TypeName() const override { return kTypeName; }
    [[nodiscard]] const tfplugin::framework::Definition& GetDefinition() const override;
    void Read(const tfplugin::CallContext& ctx,
              const tfplugin::framework::DataSourceReadRequest& request,
              tfplugin::framework::DataSourceReadResponse& response) override;

private:
    std::shared_ptr<ApiClient> api_client_;
};

}  // namespace provider
