// A data source of the framework under the real terraform CLI: the minimal provider's
// `minimal_echo`, installed through dev_overrides, validated, read during plan and apply,
// read again with nothing to change, and failing the way the user should see it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"

namespace tfplugin::server {
namespace {

using test_support::ProcessOptions;
using test_support::ProcessResult;
using test_support::RunProcess;
using test_support::TempDir;

class DataSourceUnderTerraform : public ::testing::Test {
protected:
    DataSourceUnderTerraform() {
        // dev_overrides looks for terraform-provider-<type> in the folder it names.
        std::filesystem::create_directories(plugins_.Path());
        std::filesystem::create_symlink(std::filesystem::absolute(MINIMAL_PROVIDER_BINARY),
                                        plugins_.Path() / "terraform-provider-minimal");
        cli_config_ = home_.Write("cli.tfrc",
                                  "provider_installation {\n  dev_overrides {\n    \"example/minimal\" = \"" +
                                      plugins_.Path().string() + "\"\n  }\n  direct {}\n}\n");
    }

    void WriteConfiguration(const std::string& name) const {
        work_.Write("main.tf",
                    "terraform {\n  required_providers {\n    minimal = { source = \"example/minimal\" }\n  }\n}\n"
                    "data \"minimal_echo\" \"this\" {\n  name = \"" +
                        name +
                        "\"\n}\n"
                        "output \"greeting\" {\n  value = data.minimal_echo.this.greeting\n}\n");
    }

    [[nodiscard]] ProcessResult Terraform(std::initializer_list<std::string> args) const {
        std::vector<std::string> argv{"terraform"};
        argv.insert(argv.end(), args);
        ProcessOptions options;
        options.working_directory = work_.Path().string();
        options.environment = {{"TF_CLI_CONFIG_FILE", cli_config_.string()},
                               {"CHECKPOINT_DISABLE", "1"},
                               {"TF_IN_AUTOMATION", "1"},
                               {"TF_INPUT", "0"},
                               {"HOME", home_.Path().string()},
                               {"TF_LOG", std::nullopt},
                               {"TF_DATA_DIR", std::nullopt},
                               {"TF_PLUGIN_CACHE_DIR", std::nullopt}};
        options.timeout = std::chrono::minutes(2);
        return RunProcess(argv, options);
    }

    TempDir home_{"tfhome"};
    TempDir plugins_{"tfplugins"};
    TempDir work_{"tfwork"};
    std::filesystem::path cli_config_;
};

TEST_F(DataSourceUnderTerraform, IsReadOnApplyAndLeavesNothingToChange) {
    WriteConfiguration("world");
    const auto applied = Terraform({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    const auto output = Terraform({"output", "-raw", "greeting"});
    ASSERT_EQ(output.exit_code, 0) << output.err;
    EXPECT_EQ(output.out, "hello, world");
    // Read again on the next plan, with the same result: nothing to do.
    const auto planned = Terraform({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(planned.exit_code, 0) << planned.out << planned.err;
    const auto destroyed = Terraform({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
}

TEST_F(DataSourceUnderTerraform, ValidationPointsAtTheAttribute) {
    WriteConfiguration("");
    const auto validated = Terraform({"validate", "-no-color"});
    EXPECT_NE(validated.exit_code, 0);
    EXPECT_NE(validated.err.find("with data.minimal_echo.this"), std::string::npos) << validated.err;
    EXPECT_NE(validated.err.find("name = \"\""), std::string::npos) << validated.err;
}

TEST_F(DataSourceUnderTerraform, AFailedReadIsTheUsersErrorMessage) {
    WriteConfiguration("fail");
    const auto planned = Terraform({"plan", "-no-color"});
    EXPECT_NE(planned.exit_code, 0);
    EXPECT_NE(planned.err.find("Error: Echo failed"), std::string::npos) << planned.err;
    EXPECT_NE(planned.err.find("Asked to fail."), std::string::npos) << planned.err;
}

TEST_F(DataSourceUnderTerraform, AReadThatLeavesAnAttributeUnknownIsCaughtByTheFramework) {
    WriteConfiguration("unknown");
    const auto planned = Terraform({"plan", "-no-color"});
    EXPECT_NE(planned.exit_code, 0);
    EXPECT_NE(planned.err.find("Provider returned an incomplete object"), std::string::npos) << planned.err;
}

}  // namespace
}  // namespace tfplugin::server
