// The provider's log lines reach Terraform's log at their own level (foundation issue:
// hclog-style JSON on stderr, parsed by go-plugin).
#include <gtest/gtest.h>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {
namespace {

std::string ValidateWithLogLevel(const std::string& level) {
    TerraformWorkspace workspace;
    workspace.WriteConfig(RequiredProvidersBlock() +
                          "resource \"yandex_iam_service_account_api_key\" \"key\" {\n"
                          "  service_account_id = \"aje6o61dvog2h6g9a33s\"\n}\n");
    workspace.SetEnvironment("TF_LOG", level);
    workspace.SetEnvironment("TF_LOG_PATH", std::nullopt);  // this test reads the log from stderr
    const auto result = workspace.Run({"validate"});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result.err;
}

TEST(Logging, DebugLinesAppearAtDebugLevel) {
    const auto log = ValidateWithLogLevel("debug");
    EXPECT_NE(log.find("[DEBUG] provider.terraform-provider-yandex: ValidateResourceConfig "
                       "yandex_iam_service_account_api_key: @module=provider"),
              std::string::npos)
        << log;
}

TEST(Logging, DebugLinesStayOutOfAnInfoLog) {
    const auto log = ValidateWithLogLevel("info");
    EXPECT_EQ(log.find("ValidateResourceConfig"), std::string::npos);
}

}  // namespace
}  // namespace acceptance
