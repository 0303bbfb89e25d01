// Many keys at once: Terraform calls the provider from as many goroutines as -parallelism
// allows, so one provider process serves concurrent creates, reads, updates and deletes on one
// client and one token. These scenarios are a target of their own so that the ThreadSanitizer
// stage (scripts/sanitize thread) builds and runs them without the rest of the acceptance suite.
#include <gtest/gtest.h>
#include <signal.h>

#include <set>

#include "acceptance-tests/support/scenario.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

constexpr int kKeys = 12;

std::string ManyKeys(const std::string& description) {
    return "resource \"yandex_iam_service_account_api_key\" \"many\" {\n  count              = " +
           std::to_string(kKeys) + "\n  service_account_id = \"" + EmulatorProcess::kServiceAccount +
           "\"\n  description        = \"" + description + " ${count.index}\"\n}\n";
}

// The ids of the keys the state holds.
std::set<std::string> StateKeyIds(const TerraformWorkspace& workspace) {
    std::set<std::string> ids;
    const auto shown = workspace.RunJson({"show", "-json"});
    for (const auto& resource : shown["values"]["root_module"].value("resources", json::array())) {
        if (resource["type"] == "yandex_iam_service_account_api_key")
            ids.insert(resource["values"]["id"].get<std::string>());
    }
    return ids;
}

std::set<std::string> CloudKeyIds(const EmulatorProcess& emulator) {
    std::set<std::string> ids;
    const auto state = emulator.State();
    for (const auto& key : state["apiKeys"])
        ids.insert(key["id"].get<std::string>());
    return ids;
}

TEST(Concurrency, ManyKeysAreCreatedUpdatedAndDestroyedInParallel) {
    Scenario scenario;
    auto& workspace = scenario.Workspace();
    auto& emulator = scenario.Emulator();
    // Every create needs the IAM token at once: the OAuth token is exchanged under load.
    const auto parallelism = "-parallelism=" + std::to_string(kKeys);
    for (const auto* description : {"first", "second"}) {
        workspace.WriteConfig(RequiredProvidersBlock() + emulator.ProviderBlock() + ManyKeys(description));
        const auto applied = workspace.Run({"apply", "-auto-approve", "-no-color", parallelism});
        ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
        const auto ids = StateKeyIds(workspace);
        EXPECT_EQ(ids.size(), static_cast<std::size_t>(kKeys));
        EXPECT_EQ(ids, CloudKeyIds(emulator)) << "the state and the cloud name the same keys";
    }
    EXPECT_EQ(emulator.ApiKeysCreated(), kKeys) << "the second apply updated in place";
    const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color", parallelism});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(CloudKeyIds(emulator).empty()) << "keys left in the cloud after destroy";
}

// Ctrl-C while many creates are in flight: Terraform sends StopProvider while the provider serves
// them all; each create still ends in the state, and nothing is left after destroy.
TEST(Concurrency, StopDuringManyCreatesLosesNoKey) {
    Scenario scenario;
    auto& workspace = scenario.Workspace();
    auto& emulator = scenario.Emulator();
    emulator.Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"latencyMs", 3000}, {"count", "all"}});
    workspace.WriteConfig(RequiredProvidersBlock() + emulator.ProviderBlock() + ManyKeys("stopped"));
    const auto parallelism = "-parallelism=" + std::to_string(kKeys);
    auto apply = workspace.Start({"apply", "-auto-approve", "-no-color", parallelism});
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (emulator.State()["callCounts"].value("POST /iam/v1/apiKeys", 0) < kKeys / 3) {
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the creates never came";
        // Waits a little, and ends the test at once when terraform stopped before the creates.
        const auto ended = apply->Wait(std::chrono::milliseconds(50));
        ASSERT_FALSE(ended.has_value()) << "terraform apply ended (exit " << ended.value_or(0)
                                        << ") before the creates";
    }
    apply->Signal(SIGINT);
    ASSERT_TRUE(apply->Wait(std::chrono::seconds(120)).has_value()) << "terraform did not stop";
    emulator.ClearFaults();
    EXPECT_EQ(StateKeyIds(workspace), CloudKeyIds(emulator)) << "every key made is in the state";

    const auto applied = workspace.Run({"apply", "-auto-approve", "-no-color", parallelism});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    EXPECT_EQ(StateKeyIds(workspace).size(), static_cast<std::size_t>(kKeys));
    EXPECT_EQ(emulator.PeakApiKeys(), kKeys) << "no key was made twice";
    const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color", parallelism});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(CloudKeyIds(emulator).empty()) << "keys left in the cloud after destroy";
}

}  // namespace
}  // namespace acceptance
