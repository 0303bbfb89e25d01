// What one Terraform run costs beyond the work itself: Terraform starts the provider several times
// per command and calls it for every key from up to -parallelism goroutines at once. A plan of 100
// keys reuses a connection per concurrent call and exchanges its credentials once, and only the
// first start of the plugin in a command is asked for the schema.
#include <gtest/gtest.h>

#include <regex>
#include <sstream>

#include "acceptance-tests/support/scenario.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

constexpr int kKeys = 100;
constexpr int kParallelism = 10;  // Terraform's default

std::string HundredKeys() {
    return "resource \"yandex_iam_service_account_api_key\" \"many\" {\n  count              = " +
           std::to_string(kKeys) + "\n  service_account_id = \"" + EmulatorProcess::kServiceAccount +
           "\"\n  description        = \"key ${count.index}\"\n}\n";
}

// Calls the emulator counted whose "METHOD /path" starts with `prefix`.
int CallCount(const json& state, const std::string& prefix) {
    int count = 0;
    for (const auto& [call, calls] : state["callCounts"].items()) {
        if (call.rfind(prefix, 0) == 0)
            count += calls.get<int>();
    }
    return count;
}

TEST(PerProcessCost, AHundredKeyPlanReusesConnectionsAndExchangesTheTokenOnce) {
    Scenario scenario;
    auto& workspace = scenario.Workspace();
    auto& emulator = scenario.Emulator();
    const auto parallelism = "-parallelism=" + std::to_string(kParallelism);
    workspace.WriteConfig(RequiredProvidersBlock() + emulator.ProviderBlock() + HundredKeys());
    const auto applied = workspace.Run({"apply", "-auto-approve", "-no-color", parallelism});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;

    const auto before = emulator.State();
    const auto planned = workspace.Run({"plan", "-detailed-exitcode", "-no-color", parallelism});
    const auto after = emulator.State();
    EXPECT_EQ(planned.exit_code, 0) << "the plan after apply is empty\n" << planned.out << planned.err;

    EXPECT_EQ(CallCount(after, "GET /iam/v1/apiKeys/") - CallCount(before, "GET /iam/v1/apiKeys/"), kKeys)
        << "the plan refreshed every key once";
    // Of Terraform's starts of the provider during a plan, one configures it and serves the keys.
    EXPECT_EQ(CallCount(after, "POST /iam/v1/tokens") - CallCount(before, "POST /iam/v1/tokens"), 1)
        << "one token exchange for the provider process that refreshed the keys";
    // The second State() call's own connection is counted in `after`.
    const int opened = after["connectionsAccepted"].get<int>() - before["connectionsAccepted"].get<int>() - 1;
    EXPECT_GE(opened, 1);
    EXPECT_LE(opened, kParallelism + 2) << "connections opened for " << kKeys << " keys at " << parallelism;

    const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color", parallelism});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(emulator.State()["apiKeys"].empty()) << "keys left in the cloud after destroy";
}

// Counts the lines of a debug log that match `pattern`.
int Lines(const std::string& log, const std::regex& pattern) {
    std::istringstream lines(log);
    std::string line;
    int count = 0;
    while (std::getline(lines, line))
        count += std::regex_search(line, pattern) ? 1 : 0;
    return count;
}

TEST(PerProcessCost, OnlyTheFirstStartOfACommandIsAskedForTheSchema) {
    Scenario scenario;
    auto& workspace = scenario.Workspace();
    workspace.WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() +
                          KeyResource("  description = \"schema once\"\n"));
    workspace.SetEnvironment("TF_LOG", "debug");
    workspace.SetEnvironment("TF_LOG_PATH", std::nullopt);  // read from stderr below
    const auto applied = workspace.Run({"apply", "-auto-approve", "-no-color"});
    workspace.SetEnvironment("TF_LOG", std::nullopt);
    ASSERT_EQ(applied.exit_code, 0) << applied.out;

    // Terraform logs each start of a plugin; the provider logs each GetProviderSchema it serves.
    const int starts = Lines(applied.err, std::regex(R"(provider: plugin started: path=.*terraform-provider-yandex)"));
    const int schema_calls =
        Lines(applied.err, std::regex(R"(provider\.terraform-provider-yandex.*: GetProviderSchema)"));
    EXPECT_GE(starts, 3) << "Terraform starts the provider several times per apply";
    EXPECT_EQ(schema_calls, 1) << "of " << starts << " starts";

    const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
}

}  // namespace
}  // namespace acceptance
