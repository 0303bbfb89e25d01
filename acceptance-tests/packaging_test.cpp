// Release packaging and installation: `cmake --install` plus cmake/PackageProvider.cmake make the
// files the registry protocol expects, and `terraform init` installs the provider from a
// filesystem mirror (no dev_overrides), recording it in .terraform.lock.hcl.
#include <gtest/gtest.h>

#include <algorithm>

#include "acceptance-tests/support/each_cli.hpp"
#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {

using test_support::ProcessOptions;
using test_support::ProcessResult;
using test_support::ReadFile;
using test_support::RunProcess;
using test_support::TempDir;

namespace {

std::string ProviderVersion() {
    const auto result = RunProcess({(ProviderBinaryDirectory() / "terraform-provider-yandex").string(), "--version"});
    EXPECT_EQ(result.exit_code, 0);
    const auto space = result.out.find(' ');
    auto version = result.out.substr(space + 1);
    while (!version.empty() && (version.back() == '\n' || version.back() == '\r'))
        version.pop_back();
    return version;
}

ProcessResult Package(const TempDir& work, const std::string& version) {
    const auto stage = work.Path() / "stage";
    const auto installed = RunProcess({"cmake",
                                       "--install",
                                       BuildDirectory().string(),
                                       "--prefix",
                                       stage.string(),
                                       "--component",
                                       "provider",
                                       "--strip"});
    EXPECT_EQ(installed.exit_code, 0) << installed.out << installed.err;
    return RunProcess({"cmake",
                       "-DSTAGE=" + stage.string(),
                       "-DVERSION=" + version,
                       "-DOUTPUT_DIR=" + (work.Path() / "dist").string(),
                       "-DMIRROR_DIR=" + (work.Path() / "mirror").string(),
                       "-P",
                       (SourceDirectory() / "cmake" / "PackageProvider.cmake").string()});
}

// examples/basic in `workspace`, on `emulator`; init must install `version` from the mirror
// the workspace's CLI configuration names.
void InitExampleFromMirror(TerraformWorkspace& workspace, const EmulatorProcess& emulator, const std::string& version) {
    workspace.CopyFrom(ExamplesDirectory() / "basic");
    workspace.SetEnvironment(emulator.ProviderEnvironment());
    workspace.SetEnvironment("TF_VAR_service_account_id", EmulatorProcess::kServiceAccount);
    const auto initialised = workspace.Run({"init", "-no-color"});
    ASSERT_EQ(initialised.exit_code, 0) << initialised.out << initialised.err;
    EXPECT_NE(initialised.out.find("Installed yc-apikeys/yandex v" + version), std::string::npos) << initialised.out;
}

TEST(Packaging, ReleaseFilesInstallFromAFilesystemMirrorWithALockFile) {
    const auto version = ProviderVersion();
    ASSERT_FALSE(version.empty());
    TempDir work("package");
    std::filesystem::create_directories(work.Path() / "dist");
    const auto packaged = Package(work, version);
    ASSERT_EQ(packaged.exit_code, 0) << packaged.out << packaged.err;

    // The registry's files, with checksums that verify.
    const auto prefix = "terraform-provider-yandex_" + version;
    const auto dist = work.Path() / "dist";
    for (const auto& name : {prefix + "_linux_amd64.zip", prefix + "_manifest.json", prefix + "_SHA256SUMS"}) {
        EXPECT_TRUE(std::filesystem::exists(dist / name)) << name;
    }
    const auto manifest = nlohmann::json::parse(ReadFile(dist / (prefix + "_manifest.json")));
    EXPECT_EQ(manifest["metadata"]["protocol_versions"], nlohmann::json({"6.0"}));
    ProcessOptions in_dist;
    in_dist.working_directory = dist.string();
    const auto checked = RunProcess({"sha256sum", "--check", "--strict", prefix + "_SHA256SUMS"}, in_dist);
    EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;

    // A configuration that asks for a version range, a CLI configuration with only the mirror.
    EmulatorProcess emulator;
    TerraformWorkspace workspace;
    workspace.UseCliConfig("provider_installation {\n  filesystem_mirror {\n    path    = \"" +
                           (work.Path() / "mirror").string() +
                           "\"\n    include = [\"registry.terraform.io/yc-apikeys/yandex\"]\n  }\n}\n");
    InitExampleFromMirror(workspace, emulator, version);
    if (HasFatalFailure())
        return;
    const auto lock = ReadFile(workspace.Directory() / ".terraform.lock.hcl");
    EXPECT_NE(lock.find("provider \"registry.terraform.io/yc-apikeys/yandex\""), std::string::npos) << lock;
    EXPECT_NE(lock.find("version     = \"" + version + "\""), std::string::npos) << lock;
    EXPECT_NE(lock.find("\"h1:"), std::string::npos) << lock;

    const auto applied = workspace.Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    EXPECT_EQ(emulator.State()["apiKeys"].size(), 1U);
    // The same version names the provider to the cloud.
    const auto user_agents = emulator.State()["userAgents"];
    EXPECT_NE(std::find(user_agents.begin(), user_agents.end(), "terraform-provider-yandex/" + version),
              user_agents.end())
        << user_agents.dump();
    const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(emulator.State()["apiKeys"].empty());
}

// The CLI configuration Yandex Cloud's guides put in ~/.terraformrc sends every
// registry.terraform.io provider to Yandex's mirror. The docs show how to add this provider next
// to it: a filesystem mirror that includes its address under both registry hosts, and excludes
// in Yandex's block and in `direct` (a CLI asks every method that matches an address). Yandex's mirror is unreachable
// here, so init succeeds only if the provider is never looked up there.
const char* const kNextToYandexMirror = R"(provider_installation {
  filesystem_mirror {
    path    = "MIRROR"
    include = ["registry.terraform.io/yc-apikeys/yandex", "registry.opentofu.org/yc-apikeys/yandex"]
  }
  network_mirror {
    url     = "https://terraform-mirror.yandexcloud.net/"
    include = ["registry.terraform.io/*/*"]
    exclude = ["registry.terraform.io/yc-apikeys/yandex"]
  }
  direct {
    exclude = ["registry.terraform.io/*/*", "registry.opentofu.org/yc-apikeys/yandex"]
  }
}
)";

class NextToYandexMirror : public EachCli {};

TEST_P(NextToYandexMirror, FilesystemMirrorBesideYandexCloudsNetworkMirrorInstallsTheProvider) {
    const auto version = ProviderVersion();
    TempDir work("package");
    std::filesystem::create_directories(work.Path() / "dist");
    const auto packaged = Package(work, version);
    ASSERT_EQ(packaged.exit_code, 0) << packaged.out << packaged.err;

    EmulatorProcess emulator;
    TerraformWorkspace workspace(GetParam());
    auto config = std::string(kNextToYandexMirror);
    config.replace(config.find("MIRROR"), 6, (work.Path() / "mirror").string());
    workspace.UseCliConfig(config);
    InitExampleFromMirror(workspace, emulator, version);
    if (HasFatalFailure())
        return;
    const auto planned = workspace.Run({"plan", "-no-color"});
    EXPECT_EQ(planned.exit_code, 0) << planned.out << planned.err;
}

INSTANTIATE_TEST_SUITE_P(Packaging, NextToYandexMirror, kEachCli, CliTestName);

}  // namespace
}  // namespace acceptance
