// The README's first command: scripts/main runs examples/quickstart against the emulator end to
// end and leaves nothing behind. (Setup is skipped: the tests run after it.)
#include <gtest/gtest.h>

#include <regex>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {
namespace {

TEST(Quickstart, MainJobRunsEndToEndAndLeavesNothingBehind) {
    ProcessOptions options;
    options.working_directory = SourceDirectory().string();
    options.environment = {{"QUICKSTART_SKIP_SETUP", "1"},
                           {"QUICKSTART_BUILD_DIR", BuildDirectory().string()},
                           {"QUICKSTART_TARGET", std::nullopt},
                           {"TF_CLI_CONFIG_FILE", std::nullopt},
                           {"YC_TOKEN", std::nullopt},
                           {"YC_SERVICE_ACCOUNT_KEY_FILE", std::nullopt}};
    const auto result = RunProcess({"./scripts/main"}, options);
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    for (const auto* phase : {"==> terraform init", "==> terraform apply", "==> terraform destroy"}) {
        EXPECT_NE(result.out.find(phase), std::string::npos) << phase << "\n" << result.out;
    }
    EXPECT_NE(result.out.find("Apply complete! Resources: 3 added"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Destroy complete! Resources: 3 destroyed"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("no key is left in the emulator"), std::string::npos) << result.out;
    // API key secrets start with "AQVN"; only that public prefix may be shown.
    EXPECT_FALSE(std::regex_search(result.out, std::regex("AQVN[A-Za-z0-9_-]{8,}"))) << "a secret was printed";
    const auto emulators = RunProcess(
        {"pgrep", "-f", (BuildDirectory() / "bin" / "yc-emulator").string() + " --port 0 --seed acceptance-tests"});
    EXPECT_NE(emulators.exit_code, 0) << "an emulator is still running: " << emulators.out;
}

}  // namespace
}  // namespace acceptance
