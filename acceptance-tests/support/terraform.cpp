#include "acceptance-tests/support/terraform.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <vector>

#include "test_support/trace_capture.hpp"

namespace acceptance {

using test_support::BackgroundProcess;
using test_support::NewTraceFile;
using test_support::ProcessOptions;
using test_support::ProcessResult;
using test_support::RunProcess;
using test_support::TraceDirectory;

std::filesystem::path SourceDirectory() {
    return PROJECT_SOURCE_TREE;
}

std::filesystem::path BuildDirectory() {
    return PROJECT_BUILD_DIR;
}

std::filesystem::path ProviderBinaryDirectory() {
    return BuildDirectory() / "bin";
}

std::filesystem::path ExamplesDirectory() {
    return SourceDirectory() / "examples";
}

const char* CliName(Cli cli) {
    return cli == Cli::kOpenTofu ? "opentofu" : "terraform";
}

std::filesystem::path OpenTofuLocation() {
    if (const char* configured = std::getenv("ACCEPTANCE_TOFU"); configured != nullptr && *configured != '\0')
        return std::filesystem::absolute(configured);
    return (SourceDirectory() / ".." / "shared" / "tools" / "tofu").lexically_normal();
}

std::optional<std::filesystem::path> OpenTofuBinary() {
    const auto location = OpenTofuLocation();
    std::error_code error;
    if (!std::filesystem::is_regular_file(location, error) || ::access(location.c_str(), X_OK) != 0)
        return std::nullopt;
    return location;
}

std::optional<std::string> CliMissing(Cli cli) {
    if (cli == Cli::kOpenTofu && !OpenTofuBinary())
        return "OpenTofu not found at " + OpenTofuLocation().string() + "; ACCEPTANCE_TOFU may name another";
    return std::nullopt;
}

std::string ReadReattachValue(BackgroundProcess& provider) {
    const std::string marker = "TF_REATTACH_PROVIDERS='";
    while (auto line = provider.ReadLine(std::chrono::seconds(10))) {
        const auto start = line->find(marker);
        if (start != std::string::npos)
            return line->substr(start + marker.size(), line->rfind('\'') - start - marker.size());
    }
    return "";
}

std::optional<NetworkMirrorInstallation> NetworkMirror() {
    const char* url = std::getenv("ACCEPTANCE_NETWORK_MIRROR");
    if (url == nullptr || *url == '\0')
        return std::nullopt;
    NetworkMirrorInstallation mirror;
    mirror.url = url;
    const char* certificate = std::getenv("ACCEPTANCE_NETWORK_MIRROR_CA");
    mirror.certificate_file = certificate != nullptr ? certificate : "";
    const char* stand_in = std::getenv("ACCEPTANCE_NETWORK_MIRROR_STAND_IN");
    mirror.stand_in_mirror = stand_in != nullptr ? stand_in : "";
    return mirror;
}

namespace {

constexpr const char* kOfficialProviderSource = "yandex-cloud/yandex";

// Terraform resolves a short source address on registry.terraform.io, OpenTofu on
// registry.opentofu.org; a state written by Terraform names the former host in full. OpenTofu
// therefore gets both hosts' addresses, so that every way a configuration or state names the
// provider loads the build. Terraform keeps the short addresses it always had.
std::string CliConfig(Cli cli, const std::vector<std::string>& sources) {
    std::vector<std::string> addresses;
    for (const auto& source : sources) {
        if (cli == Cli::kOpenTofu) {
            addresses.push_back("registry.terraform.io/" + source);
            addresses.push_back("registry.opentofu.org/" + source);
        } else {
            addresses.push_back(source);
        }
    }
    const auto mirror = NetworkMirror();
    if (!mirror) {
        std::string overrides;
        for (const auto& address : addresses)
            overrides += "    \"" + address + "\" = \"" + ProviderBinaryDirectory().string() + "\"\n";
        return "provider_installation {\n  dev_overrides {\n" + overrides + "  }\n  direct {}\n}\n";
    }
    // The provider comes from the mirror, as users install it. The official provider's address,
    // which some tests let this provider stand in for, is served the same release zip from a
    // filesystem mirror: with init run, dev_overrides would not stop the CLI from asking the
    // public registry for it.
    const auto both_hosts = [](const std::string& source) {
        return "\"registry.terraform.io/" + source + "\", \"registry.opentofu.org/" + source + "\"";
    };
    std::string stand_ins;
    for (const auto& source : sources) {
        if (source != kProviderSource)
            stand_ins += (stand_ins.empty() ? "" : ", ") + both_hosts(source);
    }
    std::string config = "provider_installation {\n";
    if (!stand_ins.empty())
        config += "  filesystem_mirror {\n    path    = \"" + mirror->stand_in_mirror.string() + "\"\n    include = [" +
                  stand_ins + "]\n  }\n";
    config += "  network_mirror {\n    url     = \"" + mirror->url + "\"\n    include = [" +
              both_hosts(kProviderSource) + "]\n  }\n";
    config += "  direct {\n    exclude = [" + both_hosts(kProviderSource) + (stand_ins.empty() ? "" : ", ") +
              stand_ins + "]\n  }\n}\n";
    return config;
}

}  // namespace

std::string RequiredProvidersBlock() {
    return std::string("terraform {\n  required_providers {\n    yandex = {\n      source = \"") + kProviderSource +
           "\"\n    }\n  }\n}\n\n";
}

TerraformWorkspace::TerraformWorkspace(Cli cli) : cli_(cli), home_("tf-home"), work_("tf-work") {
    if (const auto missing = CliMissing(cli))
        ADD_FAILURE() << *missing << "; a test that can run without it skips before making a workspace";
    const auto cli_config = home_.Write("terraform.rc", CliConfig(cli_, {kProviderSource}));
    environment_ = {
        {"TF_CLI_CONFIG_FILE", cli_config.string()},
        {"CHECKPOINT_DISABLE", "1"},
        {"TF_IN_AUTOMATION", "1"},
        {"TF_INPUT", "0"},
        {"TF_PLUGIN_CACHE_DIR", std::nullopt},
        {"TF_DATA_DIR", std::nullopt},
        {"TF_LOG", std::nullopt},
        {"TF_LOG_PROVIDER", std::nullopt},
        // The provider must take nothing from the developer's own Yandex Cloud setup.
        {"YC_TOKEN", std::nullopt},
        {"YC_SERVICE_ACCOUNT_KEY_FILE", std::nullopt},
        {"YC_ENDPOINT", std::nullopt},
        {"YC_FOLDER_ID", std::nullopt},
        {"YC_CLOUD_ID", std::nullopt},
        {"TF_LOG_PATH", std::nullopt},
    };
    if (const auto mirror = NetworkMirror(); mirror && !mirror->certificate_file.empty())
        environment_["SSL_CERT_FILE"] = mirror->certificate_file;
    if (TraceDirectory()) {
        environment_["TF_LOG"] = "trace";
        environment_["TF_LOG_PATH"] = NewTraceFile(cli == Cli::kOpenTofu ? "tofu" : "terraform").string();
    }
}

void TerraformWorkspace::CopyFrom(const std::filesystem::path& directory) const {
    for (const auto& entry : std::filesystem::directory_iterator(directory)) {
        if (entry.is_regular_file())
            std::filesystem::copy_file(entry.path(), work_.Path() / entry.path().filename());
    }
}

void TerraformWorkspace::StandInForOfficialProvider() const {
    home_.Write("terraform.rc", CliConfig(cli_, {kProviderSource, kOfficialProviderSource}));
}

void TerraformWorkspace::UseCliConfig(const std::string& hcl) const {
    home_.Write("terraform.rc", hcl);
}

void TerraformWorkspace::WriteConfig(const std::string& hcl) const {
    work_.Write("main.tf", hcl);
}

void TerraformWorkspace::SetEnvironment(const std::string& name, std::optional<std::string> value) {
    environment_[name] = std::move(value);
}

void TerraformWorkspace::SetEnvironment(const std::map<std::string, std::string>& variables) {
    for (const auto& [name, value] : variables)
        environment_[name] = value;
}

std::vector<std::string> TerraformWorkspace::Command(std::initializer_list<std::string> args) const {
    std::vector<std::string> argv{cli_ == Cli::kOpenTofu ? OpenTofuLocation().string() : "terraform"};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

ProcessResult TerraformWorkspace::Run(std::initializer_list<std::string> args) const {
    InitialiseFromMirror(args);
    ProcessOptions options;
    options.working_directory = work_.Path().string();
    options.environment = environment_;
    return RunProcess(Command(args), options);
}

std::unique_ptr<BackgroundProcess> TerraformWorkspace::Start(std::initializer_list<std::string> args) const {
    InitialiseFromMirror(args);
    ProcessOptions options;
    options.working_directory = work_.Path().string();
    options.environment = environment_;
    return std::make_unique<BackgroundProcess>(Command(args), options);
}

// With dev_overrides a workspace needs no init; installed from a mirror it does, so the first
// command that needs the provider runs `init` first, once (a test's own init is harmless after).
void TerraformWorkspace::InitialiseFromMirror(std::initializer_list<std::string> args) const {
    if (initialised_ || !NetworkMirror() || args.size() == 0)
        return;
    const auto& command = *args.begin();
    if (command == "init" || command == "version" || command == "fmt")
        return;
    initialised_ = true;
    const auto initialised = Run({"init", "-no-color"});
    EXPECT_EQ(initialised.exit_code, 0) << "init from the network mirror:\n" << initialised.out << initialised.err;
}

nlohmann::json TerraformWorkspace::RunJson(std::initializer_list<std::string> args) const {
    const auto result = Run(args);
    EXPECT_EQ(result.exit_code, 0) << result.err << result.out;
    auto parsed = nlohmann::json::parse(result.out, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << "not JSON: " << result.out;
    return parsed;
}

}  // namespace acceptance
