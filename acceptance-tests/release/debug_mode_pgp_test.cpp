// The release binary in --debug mode applies and destroys a key encrypted to a PGP key. In that
// mode nothing else touches OpenSSL before the first key is read (no AutoMTLS), and every
// validate, plan and apply reads the key again with a new librnp context, so this finds both a
// provider left without OpenSSL's default provider and a context closing a descriptor it does
// not own (the gRPC connection).
#include <gtest/gtest.h>
#include <signal.h>

#include "acceptance-tests/release/release_dist.hpp"
#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/gpg.hpp"

namespace acceptance::release {

using test_support::BackgroundProcess;
using test_support::GpgKeyring;
using test_support::TempDir;

namespace {

TEST(ReleaseDebugMode, PgpEncryptedKeyAppliesAndDestroys) {
    const auto dist = FindReleaseDist();
    if (!dist)
        GTEST_SKIP() << NoReleaseMessage();
    TempDir unpacked("release-debug");
    UnpackZip(dist->zip, unpacked.Path());
    EmulatorProcess emulator;
    BackgroundProcess provider({(unpacked.Path() / dist->BinaryName()).string(), "--debug"});
    const auto reattach = ReadReattachValue(provider);
    ASSERT_FALSE(reattach.empty()) << provider.Stderr();

    GpgKeyring keyring;
    TerraformWorkspace workspace;
    workspace.SetEnvironment("TF_REATTACH_PROVIDERS", reattach);
    workspace.WriteConfig(RequiredProvidersBlock() + emulator.ProviderBlock() +
                          "resource \"yandex_iam_service_account_api_key\" \"key\" {\n"
                          "  service_account_id = \"" +
                          EmulatorProcess::kServiceAccount + "\"\n  pgp_key = \"" + keyring.PublicKeyBase64() +
                          "\"\n}\n");
    const auto applied = workspace.Run({"apply", "-auto-approve", "-no-color"});
    EXPECT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    EXPECT_EQ(emulator.State()["apiKeys"].size(), 1U);
    const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(emulator.State()["apiKeys"].empty());

    provider.Signal(SIGINT);
    EXPECT_EQ(provider.Wait(std::chrono::seconds(5)), 0);
}

}  // namespace
}  // namespace acceptance::release
