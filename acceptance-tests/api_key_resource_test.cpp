// yandex_iam_service_account_api_key end to end: the real terraform CLI, the real provider
// binary, the emulator. Each scenario names the official acceptance test or quirk it covers.
#include <gtest/gtest.h>

#include <sstream>

#include "acceptance-tests/support/gpg.hpp"
#include "acceptance-tests/support/scenario.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

std::string Key(const std::string& body) {
    return "resource \"yandex_iam_service_account_api_key\" \"key\" {\n  service_account_id = \"" +
           std::string(EmulatorProcess::kServiceAccount) + "\"\n" + body + "}\n";
}

json CloudKey(Scenario& scenario, const std::string& id) {
    const auto state = scenario.Emulator().State();
    for (const auto& key : state["apiKeys"]) {
        if (key["id"] == id)
            return key;
    }
    return nullptr;
}

// TestAccServiceAccountAPIKey_basic: create, the secret works, then the description changes in place.
TEST(ApiKeyResource, BasicCreateThenDescriptionUpdateInPlace) {
    Scenario scenario;
    std::string id;
    scenario.Run({
        {Key("  description = \"description for test\"\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["description"], "description for test");
             ASSERT_TRUE(key["secret_key"].is_string());
             EXPECT_EQ(scenario.Emulator().Probe(key["secret_key"], "yc.monitoring.manage"), 200)
                 << "the secret in state is a live key (with the default scopes)";
             EXPECT_TRUE(key["encrypted_secret_key"].is_null());
             EXPECT_EQ(key["created_at"].get<std::string>().back(), 'Z');
         }},
        {Key("  description = \"other description for test\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id) << "updated in place, not replaced";
             EXPECT_EQ(CloudKey(scenario, id)["description"], "other description for test");
         }},
    });
}

// TestAccServiceAccountAPIKey_multi_scoped: the configured order is kept; fewer scopes in place.
TEST(ApiKeyResource, ScopesKeepTheirOrderAndShrinkInPlace) {
    Scenario scenario;
    std::string id;
    scenario.Run({
        {Key("  scopes = [\"yc.ydb.topics.manage\", \"yc.ydb.tables.manage\", \"yc.postbox.send\"]\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["scopes"], json({"yc.ydb.topics.manage", "yc.ydb.tables.manage", "yc.postbox.send"}));
         }},
        {Key("  scopes = [\"yc.ydb.topics.manage\", \"yc.ydb.tables.manage\"]\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(CloudKey(scenario, id)["scopes"], json({"yc.ydb.topics.manage", "yc.ydb.tables.manage"}));
         }},
        // Official issue #565: one scope makes the API fill `scope`; no perpetual diff follows.
        {Key("  scopes = [\"yc.postbox.send\"]\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(key["scope"], "yc.postbox.send");
         }},
    });
}

// TestAccServiceAccountAPIKey_expired, plus what the official provider gets wrong: another UTC
// offset gives no diff, and removing the expiry clears it.
TEST(ApiKeyResource, ExpiryIsSetChangedWrittenWithAnOffsetAndRemoved) {
    Scenario scenario;
    std::string id;
    scenario.Run({
        {Key("  expires_at = \"2099-11-11T22:33:44Z\"\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["expires_at"], "2099-11-11T22:33:44Z");
         }},
        {Key("  expires_at = \"2098-11-11T22:33:44Z\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(CloudKey(scenario, id)["expiresAt"], "2098-11-11T22:33:44Z");
         }},
        {Key("  expires_at = \"2098-11-12T01:33:44+03:00\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["expires_at"], "2098-11-12T01:33:44+03:00");
             EXPECT_EQ(CloudKey(scenario, id)["expiresAt"], "2098-11-11T22:33:44Z");
         }},
        {Key(""),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_TRUE(key["expires_at"].is_null());
             EXPECT_EQ(CloudKey(scenario, id)["expiresAt"], "") << "the expiry is cleared in the cloud";
         }},
    });
}

// TestAccServiceAccountAPIKey_encrypted, with a key made by gpg: no plaintext in state, and what
// `base64 -d | gpg --decrypt` gives is a secret the cloud accepts.
TEST(ApiKeyResource, PgpKeyEncryptsTheSecretForGnuPg) {
    GpgKeyring keyring;
    Scenario scenario;
    scenario.Run({{Key("  scopes  = [\"yc.postbox.send\"]\n  pgp_key = \"" + keyring.PublicKeyBase64() + "\"\n"),
                   [&](const json& key) {
                       EXPECT_TRUE(key["secret_key"].is_null()) << "the plaintext is stored nowhere";
                       EXPECT_EQ(key["key_fingerprint"], keyring.Fingerprint());
                       const auto secret = keyring.DecryptBase64(key["encrypted_secret_key"]);
                       EXPECT_EQ(secret.rfind("AQVN", 0), 0U);
                       EXPECT_EQ(scenario.Emulator().Probe(secret, "yc.postbox.send"), 200);
                       const auto state = ReadFile(scenario.Workspace().Directory() / "terraform.tfstate");
                       EXPECT_EQ(state.find(secret), std::string::npos) << "no plaintext in the state file";
                   }}});
}

// Until Lockbox output is built, asking for it is refused before anything changes in the cloud.
TEST(ApiKeyResource, LockboxOutputIsRefusedWithoutSideEffects) {
    Scenario scenario;
    scenario.Apply(Key(""));
    const auto before = scenario.Emulator().State()["apiKeys"];
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() +
                                     Key(std::string("  output_to_lockbox {\n    secret_id = \"") +
                                         EmulatorProcess::kLockboxSecret +
                                         "\"\n    entry_for_secret_key = \"api_key\"\n  }\n"));
    const auto applied = scenario.Workspace().Run({"apply", "-auto-approve", "-no-color"});
    EXPECT_EQ(applied.exit_code, 1);
    EXPECT_NE(applied.err.find("output_to_lockbox"), std::string::npos) << applied.err;
    EXPECT_EQ(scenario.Emulator().State()["apiKeys"], before);
    EXPECT_EQ(scenario.Emulator().State()["lockboxSecrets"][0]["versions"].size(), 1U) << "no version was added";
    scenario.Run({});  // destroy still works with the block in the configuration
}

// Not possible with the official provider (it has no importer): import by id, then nothing to change.
TEST(ApiKeyResource, ImportByIdPlansNoChanges) {
    Scenario scenario;
    const auto config = Key("  description = \"imported\"\n  scopes = [\"yc.postbox.send\"]\n");
    scenario.Apply(config);
    const auto id = scenario.KeyValues()["id"].get<std::string>();
    ASSERT_EQ(scenario.Workspace().Run({"state", "rm", "yandex_iam_service_account_api_key.key"}).exit_code, 0);
    const auto imported =
        scenario.Workspace().Run({"import", "-no-color", "yandex_iam_service_account_api_key.key", id});
    ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;
    scenario.ExpectEmptyPlan();
    const auto values = scenario.KeyValues();
    EXPECT_EQ(values["description"], "imported");
    EXPECT_TRUE(values["secret_key"].is_null()) << "the secret cannot be recovered";
    scenario.Run({});
}

// State written by the official provider (its source address, its empty strings for unset
// attributes) moves over with `terraform state replace-provider` and plans no change.
TEST(ApiKeyResource, OfficialProviderStateUpgradesWithNoDiff) {
    Scenario scenario;
    const auto config = Key("  description = \"moved\"\n  scopes = [\"yc.postbox.send\"]\n");
    scenario.Apply(config);
    const auto state_path = scenario.Workspace().Directory() / "terraform.tfstate";
    auto state = json::parse(ReadFile(state_path));
    auto& resource = state["resources"][0];
    resource["provider"] = "provider[\"registry.terraform.io/yandex-cloud/yandex\"]";
    auto& attributes = resource["instances"][0]["attributes"];
    for (const auto* unset :
         {"expires_at", "pgp_key", "encrypted_secret_key", "key_fingerprint", "output_to_lockbox_version_id"}) {
        attributes[unset] = "";  // what the official provider's SDK stores for "not set"
    }
    state["serial"] = state["serial"].get<int>() + 1;
    scenario.Workspace().WriteFile("terraform.tfstate", state.dump(2));
    const auto replaced = scenario.Workspace().Run({"state",
                                                    "replace-provider",
                                                    "-auto-approve",
                                                    "registry.terraform.io/yandex-cloud/yandex",
                                                    "registry.terraform.io/yc-apikeys/yandex"});
    ASSERT_EQ(replaced.exit_code, 0) << replaced.out << replaced.err;
    scenario.ExpectEmptyPlan();
    scenario.Run({});
}

// Drift: a key deleted outside Terraform is planned for creation again.
TEST(ApiKeyResource, KeyDeletedOutsideTerraformIsRecreated) {
    Scenario scenario;
    scenario.Apply(Key(""));
    const auto id = scenario.KeyValues()["id"].get<std::string>();
    scenario.Emulator().DeleteKey(id);
    const auto plan = scenario.Workspace().Run({"plan", "-no-color"});
    EXPECT_NE(plan.out.find("will be created"), std::string::npos) << plan.out;
    EXPECT_NE(plan.out.find("1 to add, 0 to change, 0 to destroy"), std::string::npos) << plan.out;
    scenario.Run({{Key(""), [&](const json& key) { EXPECT_NE(key["id"], id); }}});
}

// service_account_id is ForceNew: a new key replaces the old one, which is deleted.
TEST(ApiKeyResource, NewServiceAccountReplacesTheKey) {
    Scenario scenario;
    std::string first;
    scenario.Run({
        {Key(""), [&](const json& key) { first = key["id"]; }},
        {"resource \"yandex_iam_service_account_api_key\" \"key\" {\n  service_account_id = \"" +
             std::string(EmulatorProcess::kSecondServiceAccount) + "\"\n}\n",
         [&](const json& key) {
             EXPECT_NE(key["id"], first);
             EXPECT_TRUE(CloudKey(scenario, first).is_null()) << "the old key is deleted";
             EXPECT_EQ(scenario.Emulator().State()["apiKeys"].size(), 1U);
         }},
    });
}

// No secret reaches the provider's log lines, even at TRACE: not the OAuth token, not the IAM
// token it is exchanged for, not the API key's secret.
TEST(ApiKeyResource, ProviderLogsHoldNoSecretAtTrace) {
    Scenario scenario;
    scenario.Workspace().SetEnvironment("TF_LOG", "trace");
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() + Key(""));
    const auto applied = scenario.Workspace().Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.err.substr(0, 2000);
    std::string provider_lines;
    std::istringstream log(applied.err);
    for (std::string line; std::getline(log, line);) {
        if (line.find("provider.terraform-provider-yandex") != std::string::npos)
            provider_lines += line + "\n";
    }
    ASSERT_NE(provider_lines.find("POST /iam/v1/apiKeys"), std::string::npos) << "the provider logged its calls";
    const auto secret = scenario.KeyValues()["secret_key"].get<std::string>();
    EXPECT_EQ(provider_lines.find(secret), std::string::npos);
    EXPECT_EQ(provider_lines.find(EmulatorProcess::kOAuthToken), std::string::npos);
    EXPECT_EQ(provider_lines.find("t1."), std::string::npos) << "no IAM token";
    scenario.Workspace().SetEnvironment("TF_LOG", std::nullopt);
    scenario.Run({});
}

}  // namespace
}  // namespace acceptance
