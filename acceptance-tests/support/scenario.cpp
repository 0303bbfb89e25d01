#include "acceptance-tests/support/scenario.hpp"

#include <gtest/gtest.h>

namespace acceptance {

std::string KeyResource(const std::string& body) {
    return "resource \"yandex_iam_service_account_api_key\" \"key\" {\n  service_account_id = \"" +
           std::string(EmulatorProcess::kServiceAccount) + "\"\n" + body + "}\n";
}

Scenario::Scenario(const std::vector<std::string>& emulator_arguments)
    : Scenario(Cli::kTerraform, emulator_arguments) {}

Scenario::Scenario(Cli cli, const std::vector<std::string>& emulator_arguments)
    : emulator_(emulator_arguments), workspace_(cli) {}

void Scenario::Apply(const std::string& config) {
    workspace_.WriteConfig(RequiredProvidersBlock() + emulator_.ProviderBlock() + config);
    const auto applied = workspace_.Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
}

void Scenario::ExpectEmptyPlan() {
    const auto plan = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(plan.exit_code, 0) << "the second plan is not empty:\n" << plan.out << plan.err;
}

nlohmann::json Scenario::KeyValues() {
    const auto shown = workspace_.RunJson({"show", "-json"});
    for (const auto& resource : shown["values"]["root_module"].value("resources", nlohmann::json::array())) {
        if (resource["address"] == "yandex_iam_service_account_api_key.key")
            return resource["values"];
    }
    return nullptr;
}

nlohmann::json Scenario::CloudKey(const std::string& id) {
    const auto state = emulator_.State();  // the loop below must not outlive it
    for (const auto& key : state["apiKeys"]) {
        if (key["id"] == id)
            return key;
    }
    return nullptr;
}

void Scenario::Run(const std::vector<Step>& steps) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
        SCOPED_TRACE("step " + std::to_string(i + 1));
        Apply(steps[i].config);
        if (testing::Test::HasFatalFailure())
            return;
        ExpectEmptyPlan();
        const auto values = KeyValues();
        ASSERT_FALSE(values.is_null()) << "no yandex_iam_service_account_api_key.key in state";
        if (steps[i].check)
            steps[i].check(values);
    }
    const auto destroyed = workspace_.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_EQ(emulator_.State()["apiKeys"].size(), 0U) << "keys left in the cloud after destroy";
}

}  // namespace acceptance
