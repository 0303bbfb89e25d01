// The release binary in a root directory that holds nothing but the release zip's contents: no
// libraries, no dynamic loader, no /etc, /tmp or /dev. A static build has to print its version
// there, and serve Terraform's handshake with AutoMTLS, the schema and Shutdown.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "acceptance-tests/release/release_dist.hpp"
#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"
#include "tfplugin/server/auto_mtls.hpp"
#include "tfplugin/server/testing/plugin_harness.hpp"

namespace acceptance::release {

using test_support::ProcessOptions;
using test_support::RunProcess;
using test_support::TempDir;

namespace {

using tfplugin::server::GenerateServerCertificate;
using tfplugin::server::testing_support::CallGetProviderSchema;
using tfplugin::server::testing_support::CallShutdown;
using tfplugin::server::testing_support::Clock;
using tfplugin::server::testing_support::Connect;
using tfplugin::server::testing_support::PluginLaunch;
using tfplugin::server::testing_support::PluginUnderTest;

// chroot lives in sbin, which a root shell has on PATH but other environments may not.
std::optional<std::filesystem::path> FindChroot() {
    std::string search = "/usr/sbin:/sbin:/usr/bin:/bin";
    if (const char* path = std::getenv("PATH"))
        search = std::string(path) + ":" + search;
    std::istringstream folders(search);
    for (std::string folder; std::getline(folders, folder, ':');) {
        const auto candidate = std::filesystem::path(folder) / "chroot";
        if (!folder.empty() && access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return std::nullopt;
}

// What the dynamic loader, or chroot failing to start a program whose loader is missing, says
// when a binary is not as self-contained as it should be.
bool MentionsMissingLibraries(const std::string& stderr_text) {
    constexpr std::array signs{"error while loading shared libraries",
                               "cannot open shared object",
                               "No such file or directory",
                               "failed to run command"};
    for (const auto* sign : signs) {
        if (stderr_text.find(sign) != std::string::npos)
            return true;
    }
    return false;
}

std::set<std::string> TopLevelEntries(const std::filesystem::path& folder) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.insert(entry.path().filename().string());
    return names;
}

double Milliseconds(Clock::duration duration) {
    return std::chrono::duration_cast<std::chrono::microseconds>(duration).count() / 1000.0;
}

class ReleaseInEmptyRoot : public ReleaseTest {
protected:
    void SetUp() override {
        ReleaseTest::SetUp();
        if (IsSkipped())
            return;
        if (geteuid() != 0)
            GTEST_SKIP() << "not running as root: chroot needs root to test the release binary in an empty root "
                            "directory (CI runs these tests as root)";
        chroot_ = FindChroot();
        ASSERT_TRUE(chroot_) << "no chroot program on PATH or in /usr/sbin";
        ASSERT_NO_FATAL_FAILURE(UnpackZip(dist_.zip, root_.Path()));
        ASSERT_EQ(TopLevelEntries(root_.Path()), (std::set<std::string>{dist_.BinaryName(), "licenses"}))
            << "the root must hold the release and nothing else";
    }

    // The binary's path as the plugin sees it from inside the root.
    [[nodiscard]] std::string BinaryInRoot() const { return "/" + dist_.BinaryName(); }

    [[nodiscard]] PluginLaunch InRoot() const {
        return {.wrapper = {chroot_->string(), root_.Path().string()}, .root = root_.Path()};
    }

    std::optional<std::filesystem::path> chroot_;
    TempDir root_{"empty-root"};
};

TEST_F(ReleaseInEmptyRoot, PrintsItsVersion) {
    ProcessOptions options;
    options.timeout = std::chrono::seconds(10);
    const auto version = RunProcess({chroot_->string(), root_.Path().string(), BinaryInRoot(), "--version"}, options);
    EXPECT_EQ(version.exit_code, 0) << version.err;
    EXPECT_EQ(version.out, "terraform-provider-yandex " + dist_.version + "\n");
    EXPECT_FALSE(MentionsMissingLibraries(version.err)) << version.err;
}

TEST_F(ReleaseInEmptyRoot, ServesTheSchemaOverAutoMtlsAndShutsDown) {
    // Terraform's side of AutoMTLS: its own fresh client certificate.
    const auto client = GenerateServerCertificate();
    PluginUnderTest plugin(BinaryInRoot(), {{"PLUGIN_CLIENT_CERT", client.certificate_pem}}, InRoot());
    const auto handshake = plugin.Handshake();
    ASSERT_EQ(handshake.problem, "");
    EXPECT_EQ(handshake.app_version, "6");
    // The socket directory inside the root is all it needs; without one it would fall back to TCP.
    EXPECT_EQ(handshake.network, "unix");
    ASSERT_FALSE(handshake.certificate_pem.empty()) << "the handshake offers no AutoMTLS certificate";
    EXPECT_TRUE(std::filesystem::is_socket(handshake.address)) << handshake.address;

    const auto channel = Connect(handshake, client);
    tfplugin6::GetProviderSchema_Response schema;
    const auto status = CallGetProviderSchema(channel, &schema);
    ASSERT_TRUE(status.ok()) << status.error_message() << "\nstderr: " << plugin.Process().Stderr();
    EXPECT_EQ(schema.diagnostics_size(), 0) << schema.diagnostics(0).summary();
    EXPECT_TRUE(schema.resource_schemas().contains("yandex_iam_service_account_api_key"));
    ASSERT_TRUE(schema.has_provider());
    EXPECT_GT(schema.provider().block().attributes_size(), 0);

    const auto asked = Clock::now();
    EXPECT_TRUE(CallShutdown(channel).ok());
    const auto exit_code = plugin.Process().Wait(std::chrono::seconds(5));
    ASSERT_TRUE(exit_code) << "still running 5 s after Shutdown";
    EXPECT_EQ(*exit_code, 0);
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(handshake.address).parent_path()))
        << "the socket's directory outlived the plugin";
    const auto stderr_text = plugin.Process().Stderr();
    EXPECT_FALSE(MentionsMissingLibraries(stderr_text)) << stderr_text;
    std::cout << "[ figures  ] exec to handshake line in the empty root: " << Milliseconds(plugin.HandshakeTime())
              << " ms, Shutdown to exit: " << Milliseconds(Clock::now() - asked) << " ms\n";
}

}  // namespace
}  // namespace acceptance::release
