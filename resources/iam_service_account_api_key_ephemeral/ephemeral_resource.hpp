#pragma once

#include <memory>

#include "resources/common/api_client.hpp"
#include "tfplugin/framework/ephemeral_resource.hpp"

namespace provider {

/// The ephemeral `yandex_iam_service_account_api_key` (Terraform 1.10 and later): a key made for
/// one run and deleted when the run is done with it. Its secret lives in Terraform's memory only;
/// the key's own expiry, `ttl` after it was made, ends it should the delete never come.
class EphemeralApiKey final : public tfplugin::framework::EphemeralResource {
public:
    static constexpr const char* kTypeName = "yandex_iam_service_account_api_key";

    explicit EphemeralApiKey(std::shared_ptr<ApiClient> api_client) : api_client_(std::move(api_client)) {}

    [[nodiscard]] std::string TypeName() const override { return kTypeName; }
    [[nodiscard]] const tfplugin::framework::Definition& GetDefinition() const override;
    void Open(const tfplugin::CallContext& ctx,
              const tfplugin::framework::OpenRequest& request,
              tfplugin::framework::OpenResponse& response) override;
    void Close(const tfplugin::CallContext& ctx,
               const tfplugin::framework::CloseRequest& request,
               tfplugin::framework::CloseResponse& response) override;

private:
    std::shared_ptr<ApiClient> api_client_;
};

}  // namespace provider
