// The README's first command: scripts/main runs examples/quickstart against the emulator end to
// end and leaves nothing behind. (Setup is skipped: the tests run after it.)
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {
namespace {

// Whether process `pid` still exists (a zombie counts as gone: it has exited).
bool IsRunning(int pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line))
        return false;
    const auto after_name = line.rfind(')');
    return after_name != std::string::npos && after_name + 2 < line.size() && line[after_name + 2] != 'Z';
}

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
    std::smatch pid;
    ASSERT_TRUE(std::regex_search(result.out, pid, std::regex("emulator: \\S+ \\(seed: \\S+, pid ([0-9]+)\\)")))
        << result.out;
    EXPECT_FALSE(IsRunning(std::stoi(pid[1].str()))) << "the quickstart's emulator is still running";
}

}  // namespace
}  // namespace acceptance
