// A Lockbox version that held a secret of the key is either the one the state names or scheduled
// for destruction, also when scheduling fails: the provider remembers it (private state) and the
// next apply or destroy retires it.
#include <gtest/gtest.h>

#include "acceptance-tests/support/diagnostics.hpp"
#include "acceptance-tests/support/scenario.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

const std::string kSecret = EmulatorProcess::kLockboxSecret;
const std::string kSecondSecret = EmulatorProcess::kSecondLockboxSecret;

std::string LockboxBlock(const std::string& secret_id) {
    return "  output_to_lockbox {\n    secret_id            = \"" + secret_id +
           "\"\n    entry_for_secret_key = \"api_key\"\n  }\n";
}

json DestructionFails(const std::string& secret_id) {
    return {{"method", "POST"},
            {"path", "/lockbox/v1/secrets/" + secret_id + ":scheduleVersionDestruction"},
            {"status", 500},
            {"count", "all"}};
}

// Applies `config` expecting the retirement error, then checks that the next plan is one update
// that warns, that applying it retires `version`, and that the plan after it is empty.
void FailThenRetire(Scenario& scenario,
                    const std::string& config,
                    const std::string& secret_id,
                    const std::string& version) {
    auto& workspace = scenario.Workspace();
    workspace.WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() + config);
    const auto failed = RunForDiagnostics(workspace, {"apply", "-auto-approve", "-json"});
    EXPECT_EQ(failed.exit_code, 1) << failed.output;
    bool named = false;
    for (const auto& diagnostic : failed.diagnostics) {
        if (diagnostic["severity"] == "error" &&
            diagnostic.value("summary", "") == "Cannot schedule an old Lockbox version for destruction") {
            named = diagnostic.value("detail", "").find(version) != std::string::npos;
        }
    }
    EXPECT_TRUE(named) << "the error names the version: " << failed.output;
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(secret_id, version), "ACTIVE");

    scenario.Emulator().ClearFaults();
    const auto planned = RunForDiagnostics(workspace, {"plan", "-json", "-detailed-exitcode"});
    EXPECT_EQ(planned.exit_code, 2) << "an update is planned: " << planned.output;
    EXPECT_NE(planned.output.find("Old Lockbox versions to retire"), std::string::npos) << planned.output;
    EXPECT_EQ(planned.output.find("\"action\":\"replace\""), std::string::npos) << "no replacement";
    EXPECT_NE(planned.output.find("\"action\":\"update\""), std::string::npos) << planned.output;
    scenario.Apply(config);
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(secret_id, version), "SCHEDULED_FOR_DESTRUCTION");
    scenario.ExpectEmptyPlan();
}

TEST(LockboxRetirement, VersionLeftWhenLockboxIsRemovedIsRetiredByTheNextApply) {
    Scenario scenario;
    scenario.Apply(KeyResource(LockboxBlock(kSecret)));
    const std::string version = scenario.KeyValues()["output_to_lockbox_version_id"];
    scenario.Emulator().Fault(DestructionFails(kSecret));
    FailThenRetire(scenario, KeyResource(""), kSecret, version);
    EXPECT_FALSE(scenario.KeyValues()["secret_key"].is_null()) << "the secret came back into state";
    scenario.Run({});
}

TEST(LockboxRetirement, VersionLeftWhenTheSecretMovesIsRetiredByTheNextApply) {
    Scenario scenario;
    scenario.Apply(KeyResource(LockboxBlock(kSecret)));
    const std::string version = scenario.KeyValues()["output_to_lockbox_version_id"];
    scenario.Emulator().Fault(DestructionFails(kSecret));
    FailThenRetire(scenario, KeyResource(LockboxBlock(kSecondSecret)), kSecret, version);
    const std::string moved = scenario.KeyValues()["output_to_lockbox_version_id"];
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(kSecondSecret, moved), "ACTIVE");
    scenario.Run({});
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(kSecondSecret, moved), "SCHEDULED_FOR_DESTRUCTION");
}

TEST(LockboxRetirement, DestroyThatCannotRetireKeepsTheResourceUntilItCan) {
    Scenario scenario;
    scenario.Apply(KeyResource(LockboxBlock(kSecret)));
    const std::string version = scenario.KeyValues()["output_to_lockbox_version_id"];
    scenario.Emulator().Fault(DestructionFails(kSecret));
    const auto failed = scenario.Workspace().Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_NE(failed.exit_code, 0);
    EXPECT_NE(failed.err.find(version), std::string::npos) << failed.err;
    EXPECT_EQ(scenario.Emulator().State()["apiKeys"].size(), 0U) << "the key itself is gone";
    scenario.Emulator().ClearFaults();
    const auto destroyed = scenario.Workspace().Run({"destroy", "-auto-approve", "-no-color"});
    ASSERT_EQ(destroyed.exit_code, 0) << destroyed.err;
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(kSecret, version), "SCHEDULED_FOR_DESTRUCTION");
}

// The official provider forgets a key deleted behind its back, and with it the Lockbox version
// that still holds the dead key's secret: here the plan replaces the key and retires the version.
TEST(LockboxRetirement, KeyDeletedOutsideTerraformIsReplacedAndItsVersionRetired) {
    Scenario scenario;
    const auto config = KeyResource(LockboxBlock(kSecret));
    scenario.Apply(config);
    const auto before = scenario.KeyValues();
    const std::string version = before["output_to_lockbox_version_id"];
    scenario.Emulator().DeleteKey(before["id"]);
    const auto planned = RunForDiagnostics(scenario.Workspace(), {"plan", "-json"});
    EXPECT_NE(planned.output.find("API key no longer exists"), std::string::npos) << planned.output;
    EXPECT_NE(planned.output.find("\"action\":\"replace\""), std::string::npos) << planned.output;
    scenario.Apply(config);
    EXPECT_NE(scenario.KeyValues()["id"], before["id"]);
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(kSecret, version), "SCHEDULED_FOR_DESTRUCTION");
    scenario.ExpectEmptyPlan();
    scenario.Run({});
}

// A replacement deletes the old key with what it still had to retire: nothing is forgotten.
TEST(LockboxRetirement, RememberedVersionIsRetiredWhenTheKeyIsReplaced) {
    Scenario scenario;
    scenario.Apply(KeyResource(LockboxBlock(kSecret)));
    const std::string version = scenario.KeyValues()["output_to_lockbox_version_id"];
    scenario.Emulator().Fault(DestructionFails(kSecret));
    const auto moved = KeyResource(LockboxBlock(kSecondSecret));
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() + moved);
    EXPECT_NE(scenario.Workspace().Run({"apply", "-auto-approve", "-no-color"}).exit_code, 0);
    scenario.Emulator().ClearFaults();
    const std::string second_version = scenario.KeyValues()["output_to_lockbox_version_id"];
    auto replaced = moved;
    const std::string account = EmulatorProcess::kServiceAccount;
    replaced.replace(replaced.find(account), account.size(), EmulatorProcess::kSecondServiceAccount);
    scenario.Apply(replaced);
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(kSecret, version), "SCHEDULED_FOR_DESTRUCTION");
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(kSecondSecret, second_version), "SCHEDULED_FOR_DESTRUCTION");
    scenario.ExpectEmptyPlan();
    scenario.Run({});
}

// A key that merely could not be found once (a read answered 404 by mistake) is not replaced
// once it is seen again.
TEST(LockboxRetirement, KeyFoundAgainAfterA404IsNotReplaced) {
    Scenario scenario;
    const auto config = KeyResource(LockboxBlock(kSecret));
    scenario.Apply(config);
    const std::string id = scenario.KeyValues()["id"];
    scenario.Emulator().Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeys/*"}, {"status", 404}, {"count", 1}});
    const auto refreshed = scenario.Workspace().Run({"apply", "-refresh-only", "-auto-approve", "-no-color"});
    EXPECT_EQ(refreshed.exit_code, 0) << refreshed.err;
    EXPECT_NE(refreshed.out.find("API key no longer exists"), std::string::npos) << refreshed.out;
    scenario.ExpectEmptyPlan();
    EXPECT_EQ(scenario.KeyValues()["id"], id);
    scenario.Run({});
}

}  // namespace
}  // namespace acceptance
