#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"

namespace acceptance {

/// The provider's source address as configurations name it in required_providers.
inline constexpr const char* kProviderSource = "yc-apikeys/yandex";

/// HCL that declares our provider; prepend it to a test configuration.
std::string RequiredProvidersBlock();

/// The clients of plugin protocol 6 a workspace can be driven by: `terraform` from PATH, and
/// OpenTofu, which reads the same configuration, CLI configuration and TF_* variables but resolves
/// a short source address on its own registry's host.
enum class Cli { kTerraform, kOpenTofu };

/// "terraform" or "opentofu": the suffix of a test instance's name, and how messages name the CLI.
const char* CliName(Cli cli);
/// Lets GoogleTest print a test instance's parameter as its name instead of its bytes.
inline void PrintTo(Cli cli, std::ostream* out) {
    *out << CliName(cli);
}

/// Where OpenTofu is looked for: ACCEPTANCE_TOFU when set, else the `tofu` in ../shared/tools next
/// to the repository.
std::filesystem::path OpenTofuLocation();
/// OpenTofuLocation() when it is an executable file; empty otherwise.
std::optional<std::filesystem::path> OpenTofuBinary();
/// Why `cli` cannot run here ("OpenTofu not found at ..."), for GTEST_SKIP(); empty when it can.
std::optional<std::string> CliMissing(Cli cli);

/// A working directory driven by a real CLI (`terraform` or OpenTofu) against the provider binary
/// just built: its own CLI configuration (dev_overrides pointing at the build), CHECKPOINT_DISABLE,
/// no input. Nothing outside the directory is read or written, whatever TF_CLI_CONFIG_FILE the
/// caller has.
class TerraformWorkspace {
public:
    explicit TerraformWorkspace(Cli cli = Cli::kTerraform);

    /// Replaces the configuration (main.tf).
    void WriteConfig(const std::string& hcl) const;
    /// Copies every file of `directory` (an example, say) into the working directory.
    void CopyFrom(const std::filesystem::path& directory) const;
    /// Lets the official provider's address (yandex-cloud/yandex) load this provider too, for
    /// configurations that use both: the official one cannot be downloaded in the tests, and this
    /// one serves the same resource type.
    void StandInForOfficialProvider() const;
    /// Replaces the CLI configuration (provider_installation, say) with `hcl`.
    void UseCliConfig(const std::string& hcl) const;
    /// Writes any file in the working directory (a state file, say).
    void WriteFile(const std::string& name, const std::string& content) const { work_.Write(name, content); }
    /// Runs `terraform <args>` (or `tofu <args>`) in the working directory.
    test_support::ProcessResult Run(std::initializer_list<std::string> args) const;
    /// Starts `terraform <args>` in the working directory and leaves it running (to interrupt it).
    [[nodiscard]] std::unique_ptr<test_support::BackgroundProcess> Start(std::initializer_list<std::string> args) const;
    /// Runs a command that prints JSON and parses its stdout; fails the test on a non-zero exit.
    nlohmann::json RunJson(std::initializer_list<std::string> args) const;
    /// Environment variables for every terraform run (e.g. YC_TOKEN); empty removes one.
    void SetEnvironment(const std::string& name, std::optional<std::string> value);
    void SetEnvironment(const std::map<std::string, std::string>& variables);

    [[nodiscard]] const std::filesystem::path& Directory() const { return work_.Path(); }
    [[nodiscard]] Cli Client() const { return cli_; }

private:
    std::vector<std::string> Command(std::initializer_list<std::string> args) const;
    void InitialiseFromMirror(std::initializer_list<std::string> args) const;

    Cli cli_;
    mutable bool initialised_ = false;
    test_support::TempDir home_;
    test_support::TempDir work_;
    std::map<std::string, std::optional<std::string>> environment_;
};

/// Reads a provider started with --debug up to the TF_REATTACH_PROVIDERS value it prints for
/// Terraform; empty when none comes within 10 s.
std::string ReadReattachValue(test_support::BackgroundProcess& provider);

/// The repository's examples/ folder.
std::filesystem::path ExamplesDirectory();
/// The repository, and the build folder of these tests.
std::filesystem::path SourceDirectory();
std::filesystem::path BuildDirectory();

/// Where workspaces install the provider from instead of dev_overrides, when the environment
/// names a network mirror (scripts/release-check: the release served over HTTPS on loopback):
/// ACCEPTANCE_NETWORK_MIRROR (its URL), ACCEPTANCE_NETWORK_MIRROR_CA (the certificate to trust,
/// given to the CLI as SSL_CERT_FILE) and ACCEPTANCE_NETWORK_MIRROR_STAND_IN (a filesystem mirror
/// holding the same zip under the official provider's address, for the tests that let this
/// provider stand in for the official one).
struct NetworkMirrorInstallation {
    std::string url;
    std::string certificate_file;
    std::filesystem::path stand_in_mirror;
};
std::optional<NetworkMirrorInstallation> NetworkMirror();

/// Folder holding the binaries built for these tests: the provider and yc-emulator.
std::filesystem::path ProviderBinaryDirectory();

}  // namespace acceptance
