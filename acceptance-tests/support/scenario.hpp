#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {

/// HCL of `yandex_iam_service_account_api_key.key` for the emulator's first service account, with
/// `body` (indented attribute lines) inside.
std::string KeyResource(const std::string& body);

/// One step of a scenario, like terraform-plugin-testing's TestStep: apply this configuration
/// (resources only; the provider blocks are added), then check the resource's values.
struct Step {
    std::string config;
    /// Called with `terraform show -json`'s values of the resource named `key`.
    std::function<void(const nlohmann::json& key)> check;
};

/// Runs steps against a fresh emulator: each step applies, checks, and plans again to prove the
/// plan is empty (no perpetual diff); at the end everything is destroyed and the emulator must
/// hold no key.
class Scenario {
public:
    /// `emulator_arguments` start the emulator differently (see EmulatorProcess).
    explicit Scenario(const std::vector<std::string>& emulator_arguments = {});
    /// The same, driven by `cli` instead of terraform.
    explicit Scenario(Cli cli, const std::vector<std::string>& emulator_arguments = {});
    void Run(const std::vector<Step>& steps);

    TerraformWorkspace& Workspace() { return workspace_; }
    EmulatorProcess& Emulator() { return emulator_; }
    /// Values of `yandex_iam_service_account_api_key.key` now.
    nlohmann::json KeyValues();
    /// The key as the emulator holds it (its /admin/state entry), or null when it has none.
    nlohmann::json CloudKey(const std::string& id);
    /// Applies a configuration and fails the test on error.
    void Apply(const std::string& config);
    void ExpectEmptyPlan();

private:
    EmulatorProcess emulator_;
    TerraformWorkspace workspace_;
};

}  // namespace acceptance
