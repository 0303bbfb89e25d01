// The release installed the way a team distributes a provider without the public registry: a
// network mirror (scripts/network-mirror) served over HTTPS, trusted through SSL_CERT_FILE. Both
// Terraform and OpenTofu install it, record it in the lock file, and a lock file made from the
// mirror is accepted where the provider comes from elsewhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "acceptance-tests/release/release_dist.hpp"
#include "acceptance-tests/support/each_cli.hpp"
#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/https_file_server.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/process.hpp"

namespace acceptance::release {

using test_support::ReadFile;
using test_support::RunProcess;
using test_support::TempDir;

namespace {

// The registry host each CLI reads the short source "yc-apikeys/yandex" as.
std::string Host(Cli cli) {
    return cli == Cli::kOpenTofu ? "registry.opentofu.org" : "registry.terraform.io";
}

std::string MirrorCliConfig(const std::string& url) {
    const std::string ours = "\"registry.terraform.io/yc-apikeys/yandex\", \"registry.opentofu.org/yc-apikeys/yandex\"";
    return "provider_installation {\n  network_mirror {\n    url     = \"" + url + "\"\n    include = [" + ours +
           "]\n  }\n  direct {\n    exclude = [" + ours + "]\n  }\n}\n";
}

class NetworkMirror : public EachCli {
protected:
    void SetUp() override {
        auto found = FindReleaseDist();
        if (!found)
            GTEST_SKIP() << NoReleaseMessage();
        EachCli::SetUp();
        if (IsSkipped())
            return;
        dist_ = *found;
        const auto written = RunProcess({(SourceDirectory() / "scripts" / "network-mirror").string(),
                                         mirror_.Path().string(),
                                         dist_.folder.string()});
        ASSERT_EQ(written.exit_code, 0) << written.out << written.err;
        server_ = std::make_unique<HttpsFileServer>(mirror_.Path());
    }

    // A workspace that installs the provider only from the mirror, on a fresh emulator. The
    // certificates trusted through SSL_CERT_FILE, by the CLI and by the provider alike, are the
    // mirror's and those in `more_certificates`.
    std::unique_ptr<TerraformWorkspace> MirrorWorkspace(const EmulatorProcess& emulator,
                                                        const std::string& more_certificates = "") const {
        auto workspace = std::make_unique<TerraformWorkspace>(GetParam());
        workspace->UseCliConfig(MirrorCliConfig(server_->Url()));
        const auto bundle = mirror_.Write("trusted.pem", ReadFile(server_->CertificateFile()) + more_certificates);
        workspace->SetEnvironment("SSL_CERT_FILE", bundle.string());
        workspace->SetEnvironment(emulator.ProviderEnvironment());
        workspace->SetEnvironment("TF_VAR_service_account_id", EmulatorProcess::kServiceAccount);
        workspace->CopyFrom(ExamplesDirectory() / "basic");
        return workspace;
    }

    // The h1: hash the mirror lists for this release's zip.
    std::string MirrorH1() const {
        const auto listing = nlohmann::json::parse(
            ReadFile(mirror_.Path() / Host(GetParam()) / "yc-apikeys" / "yandex" / (dist_.version + ".json")));
        for (const auto& hash : listing["archives"]["linux_amd64"]["hashes"]) {
            if (hash.get<std::string>().rfind("h1:", 0) == 0)
                return hash;
        }
        ADD_FAILURE() << "no h1: hash in " << listing.dump();
        return "";
    }

    ReleaseDist dist_;
    TempDir mirror_{"network-mirror"};
    std::unique_ptr<HttpsFileServer> server_;
};

// The release installed from the mirror talks HTTPS to the cloud (the emulator with --tls),
// verifying its certificate against SSL_CERT_FILE: the static binary carries no CA path of the
// build machine.
TEST_P(NetworkMirror, InitInstallsOverHttpsRecordsTheLockFileAndTheKeyLivesAndDies) {
    const auto emulator_certificate = mirror_.Path() / "emulator.pem";
    EmulatorProcess emulator({"--tls", "--tls-cert-out", emulator_certificate.string()});
    ASSERT_TRUE(emulator.Tls());
    const auto workspace = MirrorWorkspace(emulator, ReadFile(emulator_certificate));
    const auto initialised = workspace->Run({"init", "-no-color"});
    ASSERT_EQ(initialised.exit_code, 0) << initialised.out << initialised.err;
    EXPECT_NE(initialised.out.find("Installed yc-apikeys/yandex v" + dist_.version), std::string::npos)
        << initialised.out;
    EXPECT_GT(server_->RequestsFor("/" + Host(GetParam()) + "/yc-apikeys/yandex/index.json"), 0);

    const auto lock = ReadFile(workspace->Directory() / ".terraform.lock.hcl");
    EXPECT_NE(lock.find("provider \"" + Host(GetParam()) + "/yc-apikeys/yandex\""), std::string::npos) << lock;
    EXPECT_NE(lock.find("version     = \"" + dist_.version + "\""), std::string::npos) << lock;
    EXPECT_NE(lock.find(MirrorH1()), std::string::npos) << lock;

    const auto applied = workspace->Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    EXPECT_EQ(emulator.State()["apiKeys"].size(), 1U);
    const auto user_agents = emulator.State()["userAgents"];
    EXPECT_NE(std::find(user_agents.begin(), user_agents.end(), "terraform-provider-yandex/" + dist_.version),
              user_agents.end())
        << user_agents.dump();
    const auto destroyed = workspace->Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(emulator.State()["apiKeys"].empty());

    // Without the emulator's certificate among the trusted ones, the provider refuses it.
    const auto untrusting = MirrorWorkspace(emulator);
    ASSERT_EQ(untrusting->Run({"init", "-no-color"}).exit_code, 0);
    const auto refused = untrusting->Run({"plan", "-no-color"});
    EXPECT_NE(refused.exit_code, 0) << refused.out;
    EXPECT_NE(refused.err.find("certificate"), std::string::npos) << refused.err;
}

// `providers lock -net-mirror` on one machine; on another, the provider comes from a filesystem
// mirror holding the same zip, and init accepts the lock file as it is.
TEST_P(NetworkMirror, LockFileFromTheMirrorIsAcceptedOnAnotherMachine) {
    EmulatorProcess emulator;
    const auto locking = MirrorWorkspace(emulator);
    const auto locked = locking->Run({"providers", "lock", "-net-mirror=" + server_->Url(), "-platform=linux_amd64"});
    ASSERT_EQ(locked.exit_code, 0) << locked.out << locked.err;
    const auto lock = ReadFile(locking->Directory() / ".terraform.lock.hcl");
    EXPECT_NE(lock.find(MirrorH1()), std::string::npos) << lock;

    TempDir filesystem_mirror("fs-mirror");
    const auto placed = RunProcess({"cmake",
                                    "-DARCHIVE=" + dist_.zip.string(),
                                    "-DMIRROR_DIR=" + filesystem_mirror.Path().string(),
                                    "-P",
                                    (SourceDirectory() / "cmake" / "ProviderMirror.cmake").string()});
    ASSERT_EQ(placed.exit_code, 0) << placed.err;
    TerraformWorkspace elsewhere(GetParam());
    elsewhere.UseCliConfig("provider_installation {\n  filesystem_mirror {\n    path = \"" +
                           filesystem_mirror.Path().string() + "\"\n  }\n}\n");
    elsewhere.CopyFrom(ExamplesDirectory() / "basic");
    elsewhere.WriteFile(".terraform.lock.hcl", lock);
    const auto initialised = elsewhere.Run({"init", "-no-color", "-lockfile=readonly"});
    EXPECT_EQ(initialised.exit_code, 0) << initialised.out << initialised.err;
    EXPECT_EQ(ReadFile(elsewhere.Directory() / ".terraform.lock.hcl"), lock);
}

INSTANTIATE_TEST_SUITE_P(Release, NetworkMirror, kEachCli, CliTestName);

}  // namespace
}  // namespace acceptance::release
