#pragma once

#include <memory>

#include "resources/common/api_client.hpp"
#include "tfplugin/framework/data_source.hpp"

namespace provider {

/// The `yandex_iam_api_key_scopes` data source: the scopes Yandex Cloud lets an API key be limited
/// to, as `yc iam api-key list-scopes` prints them.
class ApiKeyScopesDataSource final : public tfplugin::framework::DataSource {
public:
    static constexpr const char* kTypeName = "yandex_iam_api_key_scopes";

    explicit ApiKeyScopesDataSource(std::shared_ptr<ApiClient> api_client) : api_client_(std::move(api_client)) {}

    [[nodiscard]] std::string TypeName() const override { return kTypeName; }
    [[nodiscard]] const tfplugin::framework::Definition& GetDefinition() const override;
    void Read(const tfplugin::CallContext& ctx,
              const tfplugin::framework::DataSourceReadRequest& request,
              tfplugin::framework::DataSourceReadResponse& response) override;

private:
    std::shared_ptr<ApiClient> api_client_;
};

}  // namespace provider
