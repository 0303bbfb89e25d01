// Nothing is lost when a mutating call's answer never arrives: the create deadline passes, the
// connection breaks after the cloud acted, or the user interrupts the apply. Each time the state
// ends up naming what was made, the next apply has nothing to do, destroy leaves nothing, and the
// cloud never held two keys for the one resource.
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "acceptance-tests/support/scenario.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

const json kCreateCall = {{"method", "POST"}, {"path", "/iam/v1/apiKeys"}};

json CreateFault(json fault) {
    fault.update(kCreateCall);
    return fault;
}

void ExpectOneKeyEverForTheResource(Scenario& scenario) {
    EXPECT_EQ(scenario.Emulator().ApiKeysCreated(), 1) << "one create took effect";
    EXPECT_EQ(scenario.Emulator().PeakApiKeys(), 1) << "never two keys at once";
}

TEST(LostAnswer, CreateAnsweredAfterItsTimeoutIsRecorded) {
    Scenario scenario;
    scenario.Emulator().Fault(CreateFault({{"latencyMs", 4000}}));
    const auto config = KeyResource("  timeouts {\n    create = \"2s\"\n  }\n");
    scenario.Run({{config, [](const json& key) { EXPECT_TRUE(key["secret_key"].is_string()); }}, {config, nullptr}});
    ExpectOneKeyEverForTheResource(scenario);
}

TEST(LostAnswer, CreateWhoseConnectionBreaksAfterTheCloudActedIsRecorded) {
    Scenario scenario;
    scenario.Emulator().Fault(CreateFault({{"action", "drop-after"}}));
    scenario.Run({{KeyResource(""), nullptr}, {KeyResource(""), nullptr}});
    ExpectOneKeyEverForTheResource(scenario);
}

TEST(LostAnswer, CreateWhoseAnswerComesAfterTheDeadlineIsRecorded) {
    Scenario scenario;
    scenario.Emulator().Fault(CreateFault({{"answerDelayMs", 4000}}));
    const auto config = KeyResource("  timeouts {\n    create = \"2s\"\n  }\n");
    scenario.Run({{config, nullptr}, {config, nullptr}});
    ExpectOneKeyEverForTheResource(scenario);
}

// Ctrl-C (or a cancelled CI job) while the create is in flight: Terraform sends StopProvider and
// waits; the provider learns what the create did and Terraform records the key.
TEST(LostAnswer, InterruptedCreateIsRecorded) {
    Scenario scenario;
    auto& emulator = scenario.Emulator();
    emulator.Fault(CreateFault({{"latencyMs", 6000}}));
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + emulator.ProviderBlock() + KeyResource(""));
    auto apply = scenario.Workspace().Start({"apply", "-auto-approve", "-no-color"});
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (emulator.State()["callCounts"].value("POST /iam/v1/apiKeys", 0) == 0) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the create call never came";
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    apply->Signal(SIGINT);
    const auto exit_code = apply->Wait(std::chrono::seconds(60));
    ASSERT_TRUE(exit_code.has_value()) << "terraform did not stop";
    const auto key = scenario.KeyValues();
    ASSERT_FALSE(key.is_null()) << "the interrupted create is not in the state";
    EXPECT_EQ(emulator.State()["apiKeys"].size(), 1U);
    EXPECT_EQ(emulator.State()["apiKeys"][0]["id"], key["id"]);
    scenario.Run({{KeyResource(""), [&](const json& after) { EXPECT_EQ(after["id"], key["id"]); }}});
    ExpectOneKeyEverForTheResource(scenario);
}

// The same for the Lockbox version that receives the secret: it is recorded once, and no second
// version holding a live key is left behind.
TEST(LostAnswer, LockboxVersionWhoseAnswerIsLostIsRecordedOnce) {
    Scenario scenario;
    const std::string secret_id = EmulatorProcess::kLockboxSecret;
    scenario.Emulator().Fault(
        {{"method", "POST"}, {"path", "/lockbox/v1/secrets/" + secret_id + ":addVersion"}, {"action", "drop-after"}});
    const auto config = KeyResource("  output_to_lockbox {\n    secret_id            = \"" + secret_id +
                                    "\"\n    entry_for_secret_key = \"api_key\"\n  }\n");
    std::string version;
    scenario.Run({{config, [&](const json& key) {
                       version = key["output_to_lockbox_version_id"];
                       EXPECT_TRUE(scenario.Emulator().LockboxEntry(secret_id, version, "api_key").has_value());
                       const auto state = scenario.Emulator().State();
                       for (const auto& secret : state["lockboxSecrets"]) {
                           if (secret["id"] == secret_id) {
                               EXPECT_EQ(secret["versions"].size(), 2U) << "the seeded version and one more";
                           }
                       }
                   }}});
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(secret_id, version), "SCHEDULED_FOR_DESTRUCTION");
}

}  // namespace
}  // namespace acceptance
