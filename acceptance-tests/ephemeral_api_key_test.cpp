// The ephemeral yandex_iam_service_account_api_key under terraform 1.11 against the emulator: the
// key works while the run uses it (the emulator's probe, called from a local-exec provisioner),
// is deleted once the run is done, and its secret is in neither the saved plan nor the state.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"

namespace acceptance {
namespace {

using test_support::ReadFile;
using test_support::RunProcess;

class EphemeralApiKey : public ::testing::Test {
protected:
    void WriteConfig(const std::string& ttl_line) {
        // The provisioner proves the secret works during the apply and keeps it in a file, for the
        // test to look for it where it must not be.
        workspace_.WriteConfig(RequiredProvidersBlock() + emulator_.ProviderBlock() + R"(
ephemeral "yandex_iam_service_account_api_key" "run" {
  service_account_id = ")" + std::string(EmulatorProcess::kServiceAccount) +
                               R"("
  scopes             = ["yc.postbox.send"]
  )" + ttl_line + R"(
}

resource "terraform_data" "use" {
  provisioner "local-exec" {
    command     = "printf %s \"$API_KEY\" > secret-seen && curl -s -o /dev/null -w '%%{http_code}' -H \"Authorization: Api-Key $API_KEY\" \"$PROBE\" > probe-status"
    environment = {
      API_KEY = ephemeral.yandex_iam_service_account_api_key.run.secret
      PROBE   = ")" + emulator_.Url() +
                               R"(/probe?scope=yc.postbox.send"
    }
  }
}
)");
    }

    EmulatorProcess emulator_;
    TerraformWorkspace workspace_;
};

TEST_F(EphemeralApiKey, WorksDuringTheRunIsGoneAfterAndIsWrittenNowhere) {
    WriteConfig("ttl = \"10m\"");
    const auto planned = workspace_.Run({"plan", "-out=saved.tfplan", "-no-color"});
    ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;
    EXPECT_TRUE(emulator_.State()["apiKeys"].empty()) << "the plan's key outlived the plan";
    EXPECT_EQ(emulator_.ApiKeysCreated(), 1);

    const auto applied = workspace_.Run({"apply", "-no-color", "saved.tfplan"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    EXPECT_EQ(ReadFile(workspace_.Directory() / "probe-status"), "200") << "the secret did not work during the apply";
    EXPECT_TRUE(emulator_.State()["apiKeys"].empty()) << "the apply's key outlived the apply";
    EXPECT_EQ(emulator_.ApiKeysCreated(), 2);

    const auto secret = ReadFile(workspace_.Directory() / "secret-seen");
    ASSERT_GT(secret.size(), 20U);
    const auto plan_contents = RunProcess({"unzip", "-p", (workspace_.Directory() / "saved.tfplan").string()});
    ASSERT_EQ(plan_contents.exit_code, 0) << plan_contents.err;
    EXPECT_NE(plan_contents.out.find("terraform_data"), std::string::npos) << "not the plan's contents";
    EXPECT_EQ(plan_contents.out.find(secret), std::string::npos) << "the saved plan holds the secret";
    EXPECT_EQ(ReadFile(workspace_.Directory() / "terraform.tfstate").find(secret), std::string::npos);
    EXPECT_EQ(applied.out.find(secret), std::string::npos);
    EXPECT_EQ(applied.err.find(secret), std::string::npos);

    // Nothing to change next time (the plan opens and deletes a key of its own again).
    const auto replanned = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(replanned.exit_code, 0) << replanned.out << replanned.err;
    const auto destroyed = workspace_.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(emulator_.State()["apiKeys"].empty());
}

TEST_F(EphemeralApiKey, ExpiresAfterItsTimeToLiveEvenIfNeverDeleted) {
    WriteConfig("ttl = \"10m\"");
    // The deletes fail, as when the close never comes: the key is left to its expiry.
    emulator_.Fault({{"method", "DELETE"}, {"path", "/iam/v1/apiKeys/*"}, {"status", 403}, {"count", "all"}});
    const auto planned = workspace_.Run({"plan", "-no-color"});
    EXPECT_NE(planned.err.find("Cannot delete the ephemeral API key"), std::string::npos) << planned.err;
    const auto keys = emulator_.State()["apiKeys"];
    ASSERT_EQ(keys.size(), 1U);
    const auto expires_at = keys[0]["expiresAt"].get<std::string>();
    EXPECT_NE(planned.err.find("it expires at " + expires_at), std::string::npos) << planned.err;
}

TEST_F(EphemeralApiKey, ATimeToLivePastTheLastExpiryIsRefusedAtItsAttribute) {
    WriteConfig("ttl = \"1000000h\"");  // about 114 years: past 2105-12-31
    const auto planned = workspace_.Run({"plan", "-no-color"});
    EXPECT_NE(planned.exit_code, 0);
    EXPECT_NE(planned.err.find("Time to live too long"), std::string::npos) << planned.err;
    EXPECT_EQ(emulator_.ApiKeysCreated(), 0);
}

}  // namespace
}  // namespace acceptance
