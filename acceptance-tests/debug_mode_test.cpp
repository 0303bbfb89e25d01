// `--debug` serves without Terraform's handshake and prints the TF_REATTACH_PROVIDERS value,
// which a separate terraform run then uses to reach the running provider.
#include <gtest/gtest.h>
#include <signal.h>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {

using test_support::BackgroundProcess;

namespace {

TEST(DebugMode, TerraformAttachesThroughTheReattachValue) {
    BackgroundProcess provider({(ProviderBinaryDirectory() / "terraform-provider-yandex").string(), "--debug"});
    const auto reattach = ReadReattachValue(provider);
    ASSERT_FALSE(reattach.empty()) << provider.Stderr();
    const auto parsed = nlohmann::json::parse(reattach);
    const auto& entry = parsed[std::string("registry.terraform.io/") + kProviderSource];
    EXPECT_EQ(entry["ProtocolVersion"], 6);
    EXPECT_EQ(entry["Pid"], provider.Pid());

    TerraformWorkspace workspace;
    workspace.SetEnvironment("TF_REATTACH_PROVIDERS", reattach);
    workspace.WriteConfig(RequiredProvidersBlock() +
                          "resource \"yandex_iam_service_account_api_key\" \"key\" {\n"
                          "  service_account_id = \"aje6o61dvog2h6g9a33s\"\n}\n");
    const auto result = workspace.Run({"validate"});
    EXPECT_EQ(result.exit_code, 0) << result.err;

    // Terraform leaves a debug-mode provider running; Ctrl-C stops it.
    provider.Signal(SIGINT);
    EXPECT_EQ(provider.Wait(std::chrono::seconds(2)), 0);
}

}  // namespace
}  // namespace acceptance
