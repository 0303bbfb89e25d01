#pragma once

#include <memory>

#include "resources/common/api_client.hpp"
#include "resources/iam_service_account_api_key/model.hpp"
#include "resources/iam_service_account_api_key/scope_catalog.hpp"
#include "tfplugin/framework/resource.hpp"

namespace provider {

/// The `yandex_iam_service_account_api_key` resource.
class ApiKeyResource final : public tfplugin::framework::Resource {
public:
    static constexpr const char* kTypeName = "yandex_iam_service_account_api_key";

    explicit ApiKeyResource(std::shared_ptr<ApiClient> api_client) : api_client_(std::move(api_client)) {}

    [[nodiscard]] std::string TypeName() const override { return kTypeName; }
    [[nodiscard]] const tfplugin::framework::Definition& GetDefinition() const override;
    void ValidateConfig(const tfplugin::CallContext& ctx,
                        const tfplugin::Value& config,
                        tfplugin::Diagnostics& diagnostics) const override;

    void ModifyPlan(const tfplugin::CallContext& ctx,
                    const tfplugin::framework::ModifyPlanRequest& request,
                    tfplugin::framework::ModifyPlanResponse& response) override;
    void Create(const tfplugin::CallContext& ctx,
                const tfplugin::framework::CreateRequest& request,
                tfplugin::framework::CreateResponse& response) override;
    void Read(const tfplugin::CallContext& ctx,
              const tfplugin::framework::ReadRequest& request,
              tfplugin::framework::ReadResponse& response) override;
    void Update(const tfplugin::CallContext& ctx,
                const tfplugin::framework::UpdateRequest& request,
                tfplugin::framework::UpdateResponse& response) override;
    void Delete(const tfplugin::CallContext& ctx,
                const tfplugin::framework::DeleteRequest& request,
                tfplugin::framework::DeleteResponse& response) override;
    void UpgradeState(const tfplugin::CallContext& ctx,
                      const tfplugin::framework::UpgradeStateRequest& request,
                      tfplugin::framework::UpgradeStateResponse& response) override;
    void ImportState(const tfplugin::CallContext& ctx,
                     const tfplugin::framework::ImportStateRequest& request,
                     tfplugin::framework::ImportStateResponse& response) override;

private:
    /// The configured client, or nullptr after adding the "not configured" error.
    ycloud::Client* Client(tfplugin::Diagnostics& diagnostics) const;
    /// ModifyPlan on the typed configuration and plan.
    void PlanChanges(const tfplugin::CallContext& ctx,
                     const tfplugin::framework::ModifyPlanRequest& request,
                     const ApiKeyModel& config,
                     ApiKeyModel& planned,
                     tfplugin::framework::ModifyPlanResponse& response);
    /// Adds an error on the path of every configured scope the cloud does not know.
    void CheckScopes(const tfplugin::CallContext& ctx, const ApiKeyModel& config, tfplugin::Diagnostics& diagnostics);

    /// Adds an error on `output_to_lockbox[0].secret_id` when the configured Lockbox secret does
    /// not exist or cannot be used, so no key is created for a secret that cannot hold it.
    void CheckLockboxSecret(const tfplugin::CallContext& ctx,
                            const ApiKeyModel& config,
                            tfplugin::Diagnostics& diagnostics);

    std::shared_ptr<ApiClient> api_client_;
    ScopeCatalog scope_catalog_;
};

}  // namespace provider
