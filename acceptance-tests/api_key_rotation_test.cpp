// Rotation of yandex_iam_service_account_api_key under terraform 1.11 against the emulator: a
// change of `rotation_triggers`, or a key older than `rotate_after`, replaces the key, and with
// create_before_destroy the new key works before the old one is deleted.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "acceptance-tests/support/scenario.hpp"
#include "test_support/temp_dir.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

const char* const kCreateBeforeDestroy = "  lifecycle {\n    create_before_destroy = true\n  }\n";

std::string Triggers(const std::string& release) {
    return "  rotation_triggers = { release = \"" + release + "\" }\n";
}

TEST(ApiKeyRotation, ATriggerChangeMakesANewKeyBeforeTheOldOneGoes) {
    Scenario scenario;
    std::string first_id;
    std::string first_secret;
    scenario.Run({
        {KeyResource(Triggers("1") + kCreateBeforeDestroy),
         [&](const json& key) {
             first_id = key["id"];
             first_secret = key["secret_key"];
             EXPECT_EQ(key["rotation_triggers"], json({{"release", "1"}}));
         }},
        {KeyResource(Triggers("2") + kCreateBeforeDestroy),
         [&](const json& key) {
             EXPECT_NE(key["id"], first_id) << "replaced";
             EXPECT_TRUE(scenario.CloudKey(first_id).is_null()) << "the old key is deleted";
             EXPECT_NE(scenario.Emulator().Probe(first_secret, "yc.monitoring.manage"), 200);
             EXPECT_EQ(scenario.Emulator().Probe(key["secret_key"], "yc.monitoring.manage"), 200);
             EXPECT_EQ(scenario.Emulator().PeakApiKeys(), 2) << "both keys existed at once";
         }},
    });
}

// A wrapper module's default ({}) means no triggers: adding it to a key replaces nothing, and
// without create_before_destroy the old key goes first.
TEST(ApiKeyRotation, AnEmptyMapIsNoTriggerAndTheDefaultOrderDeletesFirst) {
    Scenario scenario;
    std::string first_id;
    std::string second_id;
    scenario.Run({
        {KeyResource(""), [&](const json& key) { first_id = key["id"]; }},
        {KeyResource("  rotation_triggers = {}\n"), [&](const json& key) { EXPECT_EQ(key["id"], first_id); }},
        {KeyResource(Triggers("1")),
         [&](const json& key) {
             second_id = key["id"];
             EXPECT_NE(second_id, first_id);
         }},
        {KeyResource(Triggers("1") + "  description = \"in place\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], second_id) << "other changes stay in place";
             EXPECT_EQ(scenario.Emulator().PeakApiKeys(), 1) << "the old key was deleted before the new one";
         }},
    });
}

// The serial of the state file, which Terraform raises each time it writes a new state.
int StateSerial(const TerraformWorkspace& workspace) {
    return json::parse(test_support::ReadFile(workspace.Directory() / "terraform.tfstate"))["serial"].get<int>();
}

TEST(ApiKeyRotation, AKeyOlderThanRotateAfterIsReplacedByThePlan) {
    Scenario scenario;
    auto& workspace = scenario.Workspace();
    const auto with_rotate_after = [](const std::string& duration) {
        return KeyResource("  rotate_after = \"" + duration + "\"\n" + std::string(kCreateBeforeDestroy));
    };
    scenario.Apply(with_rotate_after("720h"));
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    scenario.ExpectEmptyPlan();
    const auto first = scenario.KeyValues();
    // A key that is not due leaves the state alone: an apply with nothing to do writes none.
    const auto serial = StateSerial(workspace);
    scenario.Apply(with_rotate_after("720h"));
    EXPECT_EQ(StateSerial(workspace), serial) << "a refresh of a key that is not due wrote a new state";

    // A shorter period is recorded by an update first: the refresh judges by the state's value.
    scenario.Apply(with_rotate_after("1s"));
    EXPECT_EQ(scenario.KeyValues()["id"], first["id"]);

    // Ages are whole seconds of the refresh's clock: wait until the key is surely 1 s old.
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    const auto planned = workspace.Run({"plan", "-no-color", "-out=rotate.tfplan"});
    ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;
    EXPECT_NE(planned.out.find("API key due for rotation"), std::string::npos) << planned.out;
    EXPECT_NE(planned.out.find("# forces replacement"), std::string::npos) << planned.out;
    const auto plan = workspace.RunJson({"show", "-json", "rotate.tfplan"});
    ASSERT_EQ(plan["resource_changes"].size(), 1U) << plan.dump();
    EXPECT_EQ(plan["resource_changes"][0]["change"]["actions"], json({"create", "delete"})) << plan.dump();

    // The saved plan applies as planned: the apply's own planning agrees with it.
    const auto applied = workspace.Run({"apply", "-no-color", "rotate.tfplan"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    const auto second = scenario.KeyValues();
    EXPECT_NE(second["id"], first["id"]);
    EXPECT_TRUE(scenario.CloudKey(first["id"]).is_null()) << "the old key is deleted";
    EXPECT_EQ(scenario.Emulator().Probe(second["secret_key"], "yc.monitoring.manage"), 200);
    EXPECT_EQ(scenario.Emulator().PeakApiKeys(), 2) << "the new key existed before the old one went";

    // Back to a long rotation period, though the refresh finds the new key due by the state's 1s:
    // the planned value decides, so this is an update of the state alone, then nothing to do.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    scenario.Apply(with_rotate_after("720h"));
    EXPECT_EQ(scenario.KeyValues()["id"], second["id"]);
    scenario.ExpectEmptyPlan();
    const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(scenario.Emulator().State()["apiKeys"].empty());
    EXPECT_EQ(scenario.Emulator().ApiKeysCreated(), 2);
}

// Terraform plans again during the apply with the value known; a rotation decided only then would
// be refused as an inconsistent plan. So when a refresh found a key due and the new rotate_after
// is unknown, the plan warns and does not rotate (not an error: the plan before a destroy must
// pass), and the apply keeps to that.
TEST(ApiKeyRotation, AnUnknownRotateAfterOfAKeyFoundDueWarnsAndDoesNotRotate) {
    Scenario scenario;
    scenario.Apply(KeyResource("  rotate_after = \"1s\"\n"));
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    const auto id = scenario.KeyValues()["id"];
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));
    // timestamp() is known only during the apply.
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() +
                                     KeyResource("  rotate_after = timestamp() != \"\" ? \"720h\" : \"1h\"\n"));
    const auto planned = scenario.Workspace().Run({"plan", "-no-color"});
    EXPECT_EQ(planned.exit_code, 0) << planned.err;
    EXPECT_NE(planned.out.find("rotate_after not known"), std::string::npos) << planned.out;
    EXPECT_EQ(planned.out.find("forces replacement"), std::string::npos) << planned.out;
    const auto applied = scenario.Workspace().Run({"apply", "-auto-approve", "-no-color"});
    EXPECT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    EXPECT_EQ(scenario.KeyValues()["id"], id);
    const auto destroyed = scenario.Workspace().Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(scenario.Emulator().State()["apiKeys"].empty());
    EXPECT_EQ(scenario.Emulator().ApiKeysCreated(), 1) << "never rotated";
}

// Validation names the attribute and the notation it wants.
TEST(ApiKeyRotation, AMalformedRotateAfterIsRefusedAtItsAttribute) {
    Scenario scenario;
    auto& workspace = scenario.Workspace();
    workspace.WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() +
                          KeyResource("  rotate_after = \"30d\"\n"));
    const auto planned = workspace.Run({"plan", "-no-color"});
    EXPECT_NE(planned.exit_code, 0);
    EXPECT_NE(planned.err.find("Invalid duration"), std::string::npos) << planned.err;
    EXPECT_NE(planned.err.find("rotate_after"), std::string::npos) << planned.err;
    EXPECT_EQ(scenario.Emulator().ApiKeysCreated(), 0);
}

}  // namespace
}  // namespace acceptance
