// The README's first command: scripts/main runs examples/quickstart against the emulator end to
// end and leaves nothing behind; with --keep it leaves the emulator running with an environment
// that works for the other examples, until the cleanup it prints. (Setup is skipped: the tests run
// after it.)
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {

using test_support::ProcessOptions;
using test_support::ProcessResult;
using test_support::RunProcess;
using test_support::TempDir;

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

// scripts/main as the tests run it: no setup, this build, and none of the caller's Terraform or
// Yandex Cloud settings.
ProcessResult RunMain(const std::vector<std::string>& arguments) {
    ProcessOptions options;
    options.working_directory = SourceDirectory().string();
    options.environment = {{"QUICKSTART_SKIP_SETUP", "1"},
                           {"QUICKSTART_BUILD_DIR", BuildDirectory().string()},
                           {"QUICKSTART_TARGET", std::nullopt},
                           {"TF_CLI_CONFIG_FILE", std::nullopt},
                           {"YC_TOKEN", std::nullopt},
                           {"YC_SERVICE_ACCOUNT_KEY_FILE", std::nullopt}};
    std::vector<std::string> argv{"./scripts/main"};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return RunProcess(argv, options);
}

int EmulatorPid(const std::string& out) {
    std::smatch pid;
    if (!std::regex_search(out, pid, std::regex("emulator: \\S+ \\(seed: \\S+, pid ([0-9]+)\\)")))
        return -1;
    return std::stoi(pid[1].str());
}

void ExpectNoSecretShown(const std::string& out) {
    // API key secrets start with "AQVN"; only that public prefix may be shown.
    EXPECT_FALSE(std::regex_search(out, std::regex("AQVN[A-Za-z0-9_-]{8,}"))) << "a secret was printed";
}

// Outside a terminal the build shows ninja's progress as a few "[n/N]" lines (or says it is up to
// date: the tests run after the build), never one line per step of a long build.
void ExpectBuildProgressWithoutFlooding(const std::string& out) {
    const auto begin = out.find("==> building");
    ASSERT_NE(begin, std::string::npos) << out;
    const auto build = out.substr(begin, out.find("==>", begin + 3) - begin);
    std::size_t progress_lines = 0;
    std::istringstream lines(build);
    for (std::string line; std::getline(lines, line);) {
        if (std::regex_search(line, std::regex("^\\[[0-9]+/[0-9]+\\] ")))
            ++progress_lines;
    }
    EXPECT_TRUE(progress_lines > 0 || build.find("up to date") != std::string::npos) << build;
    EXPECT_LE(progress_lines, 24U) << build;
}

TEST(Quickstart, MainJobRunsEndToEndAndLeavesNothingBehind) {
    const auto result = RunMain({});
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    for (const auto* phase : {"==> terraform init", "==> terraform apply", "==> terraform destroy"}) {
        EXPECT_NE(result.out.find(phase), std::string::npos) << phase << "\n" << result.out;
    }
    EXPECT_NE(result.out.find("Apply complete! Resources: 3 added"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("Destroy complete! Resources: 3 destroyed"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("no key is left in the emulator"), std::string::npos) << result.out;
    ExpectNoSecretShown(result.out);
    ExpectBuildProgressWithoutFlooding(result.out);
    const auto pid = EmulatorPid(result.out);
    ASSERT_GT(pid, 0) << result.out;
    EXPECT_FALSE(IsRunning(pid)) << "the quickstart's emulator is still running";
}

TEST(Quickstart, HelpShowsTheOptions) {
    const auto result = RunMain({"--help"});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    for (const auto* option : {"--cloud", "--keep"})
        EXPECT_NE(result.out.find(option), std::string::npos) << option << "\n" << result.out;
}

// Stops the emulator a failed --keep test leaves running.
class KillOnExit {
public:
    explicit KillOnExit(int pid) : pid_(pid) {}
    KillOnExit(const KillOnExit&) = delete;
    KillOnExit& operator=(const KillOnExit&) = delete;
    ~KillOnExit() {
        if (pid_ > 0 && IsRunning(pid_))
            kill(pid_, SIGTERM);
    }

private:
    int pid_;
};

// --keep: the keys and the emulator stay; the environment printed (the lines a user copies) runs
// examples/basic against that emulator; the printed cleanup destroys the quickstart's keys, stops
// the emulator and removes its folder.
TEST(Quickstart, KeepLeavesAWorkingEnvironmentUntilTheCleanupItPrints) {
    const auto result = RunMain({"--keep"});
    const auto pid = EmulatorPid(result.out);
    const KillOnExit stop(pid);
    ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
    ASSERT_GT(pid, 0) << result.out;
    EXPECT_NE(result.out.find("Apply complete! Resources: 3 added"), std::string::npos) << result.out;
    EXPECT_EQ(result.out.find("==> terraform destroy"), std::string::npos) << result.out;
    ExpectNoSecretShown(result.out);
    EXPECT_TRUE(IsRunning(pid)) << "the emulator was stopped";

    std::string environment;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        const auto start = line.find_first_not_of(' ');
        if (start != std::string::npos &&
            (line.compare(start, 7, "export ") == 0 || line.compare(start, 6, "unset ") == 0))
            environment += line.substr(start) + "\n";
    }
    for (const auto* variable : {"TF_CLI_CONFIG_FILE=",
                                 "YC_ENDPOINT=",
                                 "YC_PLAINTEXT=",
                                 "YC_TOKEN=",
                                 "GNUPGHOME=",
                                 "TF_VAR_service_account_id=",
                                 "TF_VAR_lockbox_secret_id=",
                                 "TF_VAR_pgp_public_key="})
        EXPECT_NE(environment.find(std::string("export ") + variable), std::string::npos) << variable << "\n"
                                                                                          << result.out;
    std::smatch cleanup;
    ASSERT_TRUE(std::regex_search(result.out, cleanup, std::regex("\n +(/\\S+/cleanup)\n"))) << result.out;
    const auto work = std::filesystem::path(cleanup[1].str()).parent_path();

    // What the output suggests, in a shell that has only the printed environment of Terraform's
    // and Yandex Cloud's settings: basic and pgp (whose key the printed GNUPGHOME holds) in copies.
    TempDir copies;
    ProcessOptions shell;
    shell.working_directory = copies.Path().string();
    shell.environment = {{"TF_CLI_CONFIG_FILE", std::nullopt},
                         {"YC_ENDPOINT", std::nullopt},
                         {"YC_TOKEN", std::nullopt},
                         {"YC_PLAINTEXT", std::nullopt},
                         {"YC_SERVICE_ACCOUNT_KEY_FILE", std::nullopt},
                         {"GNUPGHOME", std::nullopt}};
    const auto examples = ExamplesDirectory().string();
    const auto tried = RunProcess({"bash",
                                   "-c",
                                   environment + "set -e\n" + "for example in basic pgp; do\n" + "  cp -r '" +
                                       examples + "'/$example . && cd $example\n" +
                                       "  terraform init -no-color >/dev/null\n"
                                       "  terraform plan -no-color >/dev/null\n"
                                       "  terraform apply -auto-approve -no-color\n"
                                       "  terraform destroy -auto-approve -no-color\n"
                                       "  cd ..\n"
                                       "done\n"},
                                  shell);
    EXPECT_EQ(tried.exit_code, 0) << environment << tried.out << tried.err;
    EXPECT_NE(tried.out.find("Apply complete! Resources: 1 added"), std::string::npos) << tried.out;
    EXPECT_NE(tried.out.find("Destroy complete! Resources: 1 destroyed"), std::string::npos) << tried.out;

    const auto cleaned = RunProcess({cleanup[1].str()});
    EXPECT_EQ(cleaned.exit_code, 0) << cleaned.out << cleaned.err;
    EXPECT_NE(cleaned.out.find("Destroy complete! Resources: 3 destroyed"), std::string::npos) << cleaned.out;
    EXPECT_NE(cleaned.out.find("no key is left in the emulator"), std::string::npos) << cleaned.out;
    EXPECT_FALSE(IsRunning(pid)) << "the cleanup left the emulator running";
    EXPECT_FALSE(std::filesystem::exists(work)) << work;
}

}  // namespace
}  // namespace acceptance
