// The framework's kinds besides resources under the real terraform CLI, through the minimal
// provider installed with dev_overrides: the data source `minimal_echo` validated, read during
// plan and apply, read again with nothing to change, failing the way the user should see it; the
// ephemeral resource `minimal_token` opened, its result used, closed, and kept out of plan and
// state.
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

class UnderTerraform : public ::testing::Test {
protected:
    UnderTerraform() {
        // dev_overrides looks for terraform-provider-<type> in the folder it names.
        std::filesystem::create_directories(plugins_.Path());
        std::filesystem::create_symlink(std::filesystem::absolute(MINIMAL_PROVIDER_BINARY),
                                        plugins_.Path() / "terraform-provider-minimal");
        cli_config_ = home_.Write("cli.tfrc",
                                  "provider_installation {\n  dev_overrides {\n    \"example/minimal\" = \"" +
                                      plugins_.Path().string() + "\"\n  }\n  direct {}\n}\n");
    }

    void WriteConfiguration(const std::string& hcl) const {
        work_.Write(
            "main.tf",
            "terraform {\n  required_providers {\n    minimal = { source = \"example/minimal\" }\n  }\n}\n" + hcl);
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
    TempDir markers_{"tfmarkers"};
    TempDir plugins_{"tfplugins"};
    TempDir work_{"tfwork"};
    std::filesystem::path cli_config_;
};

class DataSourceUnderTerraform : public UnderTerraform {
protected:
    void WriteEcho(const std::string& name) const {
        WriteConfiguration("data \"minimal_echo\" \"this\" {\n  name = \"" + name +
                           "\"\n}\noutput \"greeting\" {\n  value = data.minimal_echo.this.greeting\n}\n");
    }
};

TEST_F(DataSourceUnderTerraform, IsReadOnApplyAndLeavesNothingToChange) {
    WriteEcho("world");
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
    WriteEcho("");
    const auto validated = Terraform({"validate", "-no-color"});
    EXPECT_NE(validated.exit_code, 0);
    EXPECT_NE(validated.err.find("with data.minimal_echo.this"), std::string::npos) << validated.err;
    EXPECT_NE(validated.err.find("name = \"\""), std::string::npos) << validated.err;
}

TEST_F(DataSourceUnderTerraform, AFailedReadIsTheUsersErrorMessage) {
    WriteEcho("fail");
    const auto planned = Terraform({"plan", "-no-color"});
    EXPECT_NE(planned.exit_code, 0);
    EXPECT_NE(planned.err.find("Error: Echo failed"), std::string::npos) << planned.err;
    EXPECT_NE(planned.err.find("Asked to fail."), std::string::npos) << planned.err;
}

TEST_F(DataSourceUnderTerraform, AReadThatLeavesAnAttributeUnknownIsCaughtByTheFramework) {
    WriteEcho("unknown");
    const auto planned = Terraform({"plan", "-no-color"});
    EXPECT_NE(planned.exit_code, 0);
    EXPECT_NE(planned.err.find("Provider returned an incomplete object"), std::string::npos) << planned.err;
}

// The token reaches a local-exec provisioner, which is where ephemeral values may go; it writes
// the token to a file so the test sees it arrived.
class EphemeralResourceUnderTerraform : public UnderTerraform {
protected:
    void WriteToken(const std::string& name) const {
        WriteConfiguration("ephemeral \"minimal_token\" \"this\" {\n  name       = \"" + name +
                           "\"\n  marker_dir = \"" + markers_.Path().string() +
                           "\"\n}\n"
                           "resource \"terraform_data\" \"use\" {\n"
                           "  provisioner \"local-exec\" {\n"
                           "    command     = \"printf %s \\\"$TOKEN\\\" > used-token\"\n"
                           "    environment = { TOKEN = ephemeral.minimal_token.this.token }\n"
                           "  }\n}\n");
    }
    [[nodiscard]] bool Marked(const std::string& file) const { return std::filesystem::exists(markers_.Path() / file); }
};

TEST_F(EphemeralResourceUnderTerraform, IsOpenedUsedAndClosedAndNeverWritten) {
    WriteToken("alice");
    const auto planned = Terraform({"plan", "-out=saved.tfplan", "-no-color"});
    ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;
    EXPECT_TRUE(Marked("opened-alice"));
    EXPECT_TRUE(Marked("closed-alice")) << "the plan's open was never closed";
    std::filesystem::remove(markers_.Path() / "opened-alice");
    std::filesystem::remove(markers_.Path() / "closed-alice");

    const auto applied = Terraform({"apply", "-no-color", "saved.tfplan"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    EXPECT_TRUE(Marked("opened-alice"));
    EXPECT_TRUE(Marked("closed-alice")) << "the apply's open was never closed";
    EXPECT_EQ(test_support::ReadFile(work_.Path() / "used-token"), "token-for-alice");

    // Neither the saved plan (a zip, read uncompressed) nor the state holds the token, and
    // terraform prints it nowhere.
    const auto plan_contents = RunProcess({"unzip", "-p", (work_.Path() / "saved.tfplan").string()});
    ASSERT_EQ(plan_contents.exit_code, 0) << plan_contents.err;
    EXPECT_NE(plan_contents.out.find("minimal_token"), std::string::npos) << "not the plan's contents";
    EXPECT_EQ(plan_contents.out.find("token-for-alice"), std::string::npos);
    EXPECT_EQ(test_support::ReadFile(work_.Path() / "terraform.tfstate").find("token-for-alice"), std::string::npos);
    EXPECT_EQ(planned.out.find("token-for-alice"), std::string::npos);
    EXPECT_EQ(applied.out.find("token-for-alice"), std::string::npos);
    const auto replanned = Terraform({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(replanned.exit_code, 0) << replanned.out << replanned.err;
}

TEST_F(EphemeralResourceUnderTerraform, ValidationPointsAtTheAttribute) {
    WriteConfiguration("ephemeral \"minimal_token\" \"this\" {\n  marker_dir = \"/nowhere\"\n}\n");
    const auto validated = Terraform({"validate", "-no-color"});
    EXPECT_NE(validated.exit_code, 0);
    EXPECT_NE(validated.err.find("\"name\" is required"), std::string::npos) << validated.err;
}

}  // namespace
}  // namespace tfplugin::server
