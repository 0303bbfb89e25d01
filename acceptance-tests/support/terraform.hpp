#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "acceptance-tests/support/process.hpp"
#include "acceptance-tests/support/temp_dir.hpp"

namespace acceptance {

/// The provider's source address as configurations name it in required_providers.
inline constexpr const char* kProviderSource = "yc-apikeys/yandex";

/// HCL that declares our provider; prepend it to a test configuration.
std::string RequiredProvidersBlock();

/// A working directory driven by the real `terraform` CLI against the provider binary just built:
/// its own CLI configuration (dev_overrides pointing at the build), CHECKPOINT_DISABLE, no input.
/// Nothing outside the directory is read or written, whatever TF_CLI_CONFIG_FILE the caller has.
class TerraformWorkspace {
public:
    TerraformWorkspace();

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
    /// Runs `terraform <args>` in the working directory.
    ProcessResult Run(std::initializer_list<std::string> args) const;
    /// Starts `terraform <args>` in the working directory and leaves it running (to interrupt it).
    [[nodiscard]] std::unique_ptr<BackgroundProcess> Start(std::initializer_list<std::string> args) const;
    /// Runs a command that prints JSON and parses its stdout; fails the test on a non-zero exit.
    nlohmann::json RunJson(std::initializer_list<std::string> args) const;
    /// Environment variables for every terraform run (e.g. YC_TOKEN); empty removes one.
    void SetEnvironment(const std::string& name, std::optional<std::string> value);
    void SetEnvironment(const std::map<std::string, std::string>& variables);

    [[nodiscard]] const std::filesystem::path& Directory() const { return work_.Path(); }

private:
    TempDir home_;
    TempDir work_;
    std::map<std::string, std::optional<std::string>> environment_;
};

/// The repository's examples/ folder.
std::filesystem::path ExamplesDirectory();
/// The repository, and the build folder of these tests.
std::filesystem::path SourceDirectory();
std::filesystem::path BuildDirectory();

/// Folder holding the binaries built for these tests: the provider and yc-emulator.
std::filesystem::path ProviderBinaryDirectory();

}  // namespace acceptance
