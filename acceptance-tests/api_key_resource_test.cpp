// yandex_iam_service_account_api_key end to end: the real terraform CLI, the real provider
// binary, the emulator. Each scenario names the official acceptance test or quirk it covers.
#include <gtest/gtest.h>

#include <sstream>

#include "acceptance-tests/support/each_cli.hpp"
#include "acceptance-tests/support/scenario.hpp"
#include "test_support/gpg.hpp"

namespace acceptance {

using test_support::GpgKeyring;
using test_support::ReadFile;

namespace {

using nlohmann::json;

// Compares two secrets without printing either: no secret may reach test output.
testing::AssertionResult SameSecret(const std::optional<std::string>& actual, const std::string& expected) {
    if (!actual)
        return testing::AssertionFailure() << "there is no secret";
    if (expected.empty())
        return testing::AssertionFailure() << "the expected secret is empty";
    if (*actual != expected)
        return testing::AssertionFailure() << "the secrets differ (values not shown)";
    return testing::AssertionSuccess();
}

testing::AssertionResult SameSecret(const json& actual, const std::string& expected) {
    if (!actual.is_string())
        return testing::AssertionFailure() << "there is no secret";
    return SameSecret(std::optional<std::string>(actual.get<std::string>()), expected);
}

// The scenarios that make up a key's life (create, update in place, replace, import, drift,
// destroy with no key left, the secret encrypted or written to Lockbox) run with each client of
// plugin protocol 6: Terraform, and OpenTofu where it is installed. The other scenarios, edge
// cases of the provider's own checks, run with Terraform only.
class Lifecycle : public EachCli {};

// TestAccServiceAccountAPIKey_basic: create, the secret works, then the description changes in place.
TEST_P(Lifecycle, BasicCreateThenDescriptionUpdateInPlace) {
    Scenario scenario(GetParam());
    std::string id;
    scenario.Run({
        {KeyResource("  description = \"description for test\"\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["description"], "description for test");
             ASSERT_TRUE(key["secret_key"].is_string());
             EXPECT_EQ(scenario.Emulator().Probe(key["secret_key"], "yc.monitoring.manage"), 200)
                 << "the secret in state is a live key (with the default scopes)";
             EXPECT_TRUE(key["encrypted_secret_key"].is_null());
             EXPECT_EQ(key["created_at"].get<std::string>().back(), 'Z');
         }},
        {KeyResource("  description = \"other description for test\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id) << "updated in place, not replaced";
             EXPECT_EQ(scenario.CloudKey(id)["description"], "other description for test");
         }},
    });
}

// TestAccServiceAccountAPIKey_multi_scoped: the configured order is kept; fewer scopes in place.
TEST(ApiKeyResource, ScopesKeepTheirOrderAndShrinkInPlace) {
    Scenario scenario;
    std::string id;
    scenario.Run({
        {KeyResource("  scopes = [\"yc.ydb.topics.manage\", \"yc.ydb.tables.manage\", \"yc.postbox.send\"]\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["scopes"], json({"yc.ydb.topics.manage", "yc.ydb.tables.manage", "yc.postbox.send"}));
         }},
        {KeyResource("  scopes = [\"yc.ydb.topics.manage\", \"yc.ydb.tables.manage\"]\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(scenario.CloudKey(id)["scopes"], json({"yc.ydb.topics.manage", "yc.ydb.tables.manage"}));
         }},
        // Official issue #565: one scope makes the API fill `scope`; no perpetual diff follows.
        {KeyResource("  scopes = [\"yc.postbox.send\"]\n"),
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
        {KeyResource("  expires_at = \"2099-11-11T22:33:44Z\"\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["expires_at"], "2099-11-11T22:33:44Z");
         }},
        {KeyResource("  expires_at = \"2098-11-11T22:33:44Z\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(scenario.CloudKey(id)["expiresAt"], "2098-11-11T22:33:44Z");
         }},
        // The same instant written with another offset: no change is planned, and the state keeps
        // the spelling it had.
        {KeyResource("  expires_at = \"2098-11-12T01:33:44+03:00\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["expires_at"], "2098-11-11T22:33:44Z");
             EXPECT_EQ(scenario.CloudKey(id)["expiresAt"], "2098-11-11T22:33:44Z");
         }},
        {KeyResource(""),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_TRUE(key["expires_at"].is_null());
             EXPECT_EQ(scenario.CloudKey(id)["expiresAt"], "") << "the expiry is cleared in the cloud";
         }},
    });
}

// TestAccServiceAccountAPIKey_encrypted, with a key made by gpg: no plaintext in state, and what
// `base64 -d | gpg --decrypt` gives is a secret the cloud accepts.
TEST_P(Lifecycle, PgpKeyEncryptsTheSecretForGnuPg) {
    GpgKeyring keyring;
    Scenario scenario(GetParam());
    scenario.Run(
        {{KeyResource("  scopes  = [\"yc.postbox.send\"]\n  pgp_key = \"" + keyring.PublicKeyBase64() + "\"\n"),
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

// `keybase:<user>` (as TestAccServiceAccountAPIKey_encrypted allows): the key comes from the
// Keybase lookup, here the emulator's stand-in, and GnuPG still decrypts the result.
TEST(ApiKeyResource, KeybaseUserKeyEncryptsTheSecret) {
    GpgKeyring keyring;
    Scenario scenario;
    scenario.Emulator().Seed({{"keybaseUsers", {{"acceptance_user", keyring.PublicKeyArmored()}}}});
    scenario.Run({{KeyResource("  pgp_key = \"keybase:acceptance_user\"\n"), [&](const json& key) {
                       EXPECT_TRUE(key["secret_key"].is_null());
                       EXPECT_EQ(key["key_fingerprint"], keyring.Fingerprint());
                       const auto secret = keyring.DecryptBase64(key["encrypted_secret_key"]);
                       EXPECT_EQ(scenario.Emulator().Probe(secret, "yc.monitoring.manage"), 200);
                   }}});
}

std::string LockboxBlock(const std::string& secret_id, const std::string& entry) {
    return "  output_to_lockbox {\n    secret_id            = \"" + secret_id + "\"\n    entry_for_secret_key = \"" +
           entry + "\"\n  }\n";
}

// TestAccServiceAccountAPIKey_output_to_lockbox_on_create: the secret goes to a new Lockbox
// version (the secret's other entries kept) and not to state; removing the block brings it back
// into state and schedules the old version for destruction.
TEST_P(Lifecycle, LockboxOutputOnCreateThenRemoved) {
    Scenario scenario(GetParam());
    auto& emulator = scenario.Emulator();
    const std::string secret_id = EmulatorProcess::kLockboxSecret;
    std::string version;
    std::string secret;
    scenario.Run({
        {KeyResource(LockboxBlock(secret_id, "secretKeyIsHere")),
         [&](const json& key) {
             EXPECT_TRUE(key["secret_key"].is_null());
             version = key["output_to_lockbox_version_id"];
             secret = emulator.LockboxEntry(secret_id, version, "secretKeyIsHere").value_or("");
             EXPECT_EQ(emulator.Probe(secret, "yc.monitoring.manage"), 200) << "Lockbox holds the live secret";
             EXPECT_EQ(emulator.LockboxEntry(secret_id, version, "existing"), "kept");
             const auto state = ReadFile(scenario.Workspace().Directory() / "terraform.tfstate");
             EXPECT_EQ(state.find(secret), std::string::npos) << "no plaintext in the state file";
         }},
        {KeyResource(""),
         [&](const json& key) {
             EXPECT_TRUE(SameSecret(key["secret_key"], secret)) << "the secret is back in state";
             EXPECT_TRUE(key["output_to_lockbox_version_id"].is_null());
             EXPECT_EQ(emulator.LockboxVersionStatus(secret_id, version), "SCHEDULED_FOR_DESTRUCTION");
         }},
    });
}

// TestAccServiceAccountAPIKey_output_to_lockbox_added_and_removed, _updated_secret,
// _updated_entries and _on_destroy in one key's life: the same secret moves from state to
// Lockbox, to another secret, to another entry, and every version it leaves is retired.
TEST_P(Lifecycle, LockboxOutputAddedMovedRenamedAndDestroyed) {
    Scenario scenario(GetParam());
    auto& emulator = scenario.Emulator();
    const std::string first = EmulatorProcess::kLockboxSecret;
    const std::string second = EmulatorProcess::kSecondLockboxSecret;
    std::string id;
    std::string secret;
    std::vector<std::string> versions;
    scenario.Run({
        {KeyResource(""),
         [&](const json& key) {
             id = key["id"];
             secret = key["secret_key"];
         }},
        {KeyResource(LockboxBlock(first, "api_key")),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id) << "moving the secret does not replace the key";
             EXPECT_TRUE(key["secret_key"].is_null());
             versions.push_back(key["output_to_lockbox_version_id"]);
             EXPECT_TRUE(SameSecret(emulator.LockboxEntry(first, versions.back(), "api_key"), secret));
             EXPECT_EQ(emulator.LockboxEntry(first, versions.back(), "existing"), "kept");
         }},
        {KeyResource(LockboxBlock(second, "api_key")),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             versions.push_back(key["output_to_lockbox_version_id"]);
             EXPECT_NE(versions[1], versions[0]);
             EXPECT_TRUE(SameSecret(emulator.LockboxEntry(second, versions[1], "api_key"), secret));
             EXPECT_EQ(emulator.LockboxEntry(second, versions[1], "other"), "value");
             EXPECT_EQ(emulator.LockboxVersionStatus(first, versions[0]), "SCHEDULED_FOR_DESTRUCTION");
         }},
        {KeyResource(LockboxBlock(second, "nowIsHere")),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             versions.push_back(key["output_to_lockbox_version_id"]);
             EXPECT_TRUE(SameSecret(emulator.LockboxEntry(second, versions[2], "nowIsHere"), secret));
             EXPECT_EQ(emulator.LockboxVersionStatus(second, versions[1]), "SCHEDULED_FOR_DESTRUCTION");
             EXPECT_EQ(emulator.LockboxVersionStatus(second, versions[2]), "ACTIVE");
         }},
    });
    // A step that failed skipped its check: there is no third version to look at then.
    ASSERT_EQ(versions.size(), 3U);
    EXPECT_EQ(emulator.LockboxVersionStatus(second, versions[2]), "SCHEDULED_FOR_DESTRUCTION")
        << "destroy retires the version that held the secret";
}

// What the official provider skips: when the key is already gone at destroy, the Lockbox version
// that held its secret is still retired.
TEST(ApiKeyResource, DestroyRetiresTheLockboxVersionOfAKeyAlreadyGone) {
    Scenario scenario;
    const std::string secret_id = EmulatorProcess::kLockboxSecret;
    scenario.Apply(KeyResource(LockboxBlock(secret_id, "api_key")));
    const auto values = scenario.KeyValues();
    const std::string version = values["output_to_lockbox_version_id"];
    scenario.Emulator().DeleteKey(values["id"]);
    const auto destroyed = scenario.Workspace().Run({"destroy", "-auto-approve", "-refresh=false", "-no-color"});
    ASSERT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_EQ(scenario.Emulator().LockboxVersionStatus(secret_id, version), "SCHEDULED_FOR_DESTRUCTION");
}

// The official provider writes "" to Lockbox when pgp_key is also set; here Lockbox gets the real
// secret and the state only its PGP form. Removing the block keeps the secret encrypted in state.
// Adding Lockbox back cannot reuse a secret the state only holds encrypted: the key is replaced.
TEST(ApiKeyResource, PgpAndLockboxTogether) {
    GpgKeyring keyring;
    Scenario scenario;
    auto& emulator = scenario.Emulator();
    const std::string secret_id = EmulatorProcess::kLockboxSecret;
    const auto pgp = "  pgp_key = \"" + keyring.PublicKeyBase64() + "\"\n";
    std::string id;
    std::string version;
    std::string encrypted;
    scenario.Run({
        {KeyResource(pgp + LockboxBlock(secret_id, "api_key")),
         [&](const json& key) {
             id = key["id"];
             version = key["output_to_lockbox_version_id"];
             encrypted = key["encrypted_secret_key"];
             EXPECT_TRUE(key["secret_key"].is_null());
             const std::optional<std::string> from_lockbox = emulator.LockboxEntry(secret_id, version, "api_key");
             EXPECT_TRUE(SameSecret(from_lockbox, keyring.DecryptBase64(encrypted))) << "Lockbox holds the real secret";
             EXPECT_EQ(emulator.Probe(from_lockbox.value_or(""), "yc.monitoring.manage"), 200);
         }},
        {KeyResource(pgp),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_TRUE(key["secret_key"].is_null()) << "still only the encrypted form";
             EXPECT_EQ(key["encrypted_secret_key"], encrypted);
             EXPECT_EQ(emulator.LockboxVersionStatus(secret_id, version), "SCHEDULED_FOR_DESTRUCTION");
         }},
        {KeyResource(pgp + LockboxBlock(secret_id, "api_key")),
         [&](const json& key) {
             EXPECT_NE(key["id"], id) << "replaced: the old secret is not known in plaintext";
             const auto from_lockbox = emulator.LockboxEntry(secret_id, key["output_to_lockbox_version_id"], "api_key");
             EXPECT_TRUE(SameSecret(from_lockbox, keyring.DecryptBase64(key["encrypted_secret_key"])));
         }},
    });
}

// Nothing lost: the key is created but Lockbox refuses the secret. The key is in state as
// tainted, and the next apply replaces it, leaving exactly one key in the cloud.
TEST(ApiKeyResource, KeyCreatedBeforeAFailureIsRecordedAndReplaced) {
    Scenario scenario;
    auto& emulator = scenario.Emulator();
    const auto config = KeyResource(LockboxBlock(EmulatorProcess::kLockboxSecret, "api_key"));
    emulator.Fault({{"method", "POST"}, {"path", "/lockbox/v1/secrets/*"}, {"status", 403}, {"count", -1}});
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + emulator.ProviderBlock() + config);
    const auto failed = scenario.Workspace().Run({"apply", "-auto-approve", "-no-color"});
    EXPECT_EQ(failed.exit_code, 1);
    EXPECT_NE(failed.err.find("tainted"), std::string::npos) << failed.err;
    const auto state = emulator.State();
    ASSERT_EQ(state["apiKeys"].size(), 1U);
    const auto shown = scenario.Workspace().Run({"show", "-no-color"});
    EXPECT_NE(shown.out.find("tainted"), std::string::npos) << shown.out;
    EXPECT_NE(shown.out.find(state["apiKeys"][0]["id"].get<std::string>()), std::string::npos) << shown.out;
    emulator.ClearFaults();
    scenario.Run({{config, [&](const json& key) {
                       EXPECT_NE(key["id"], state["apiKeys"][0]["id"]);
                       EXPECT_EQ(emulator.State()["apiKeys"].size(), 1U) << "the tainted key was deleted";
                   }}});
}

// The timeouts block bounds an operation: a delete slower than timeouts.delete fails with a
// deadline error; without the slowness it works.
TEST(ApiKeyResource, TimeoutsBoundTheOperation) {
    Scenario scenario;
    const auto config = KeyResource("  timeouts {\n    delete = \"1s\"\n  }\n");
    scenario.Apply(config);
    scenario.ExpectEmptyPlan();
    scenario.Emulator().Fault(
        {{"method", "DELETE"}, {"path", "/iam/v1/apiKeys/*"}, {"latencyMs", 4000}, {"count", -1}});
    const auto started = std::chrono::steady_clock::now();
    const auto destroyed = scenario.Workspace().Run({"destroy", "-auto-approve", "-no-color"});
    const auto took = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(destroyed.exit_code, 1);
    EXPECT_NE(destroyed.err.find("DEADLINE_EXCEEDED"), std::string::npos) << destroyed.err;
    EXPECT_LT(took, std::chrono::seconds(4)) << "gave up after about a second";
    scenario.Emulator().ClearFaults();
    scenario.Run({});
}

// Scopes are checked against the cloud's list at plan time, before anything is created; the
// error points at the element and names the closest scope.
TEST(ApiKeyResource, UnknownScopeIsAnErrorAtPlanNamingTheClosest) {
    Scenario scenario;
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() +
                                     KeyResource("  scopes = [\"yc.postbox.send\", \"yc.postbox.sendd\"]\n"));
    const auto planned = scenario.Workspace().Run({"plan", "-no-color"});
    EXPECT_EQ(planned.exit_code, 1);
    EXPECT_NE(planned.err.find("\"yc.postbox.sendd\" is not an API key scope. Did you mean \"yc.postbox.send\"?"),
              std::string::npos)
        << planned.err;
    EXPECT_NE(planned.err.find("scopes = ["), std::string::npos) << "the source line is shown: " << planned.err;
    EXPECT_TRUE(scenario.Emulator().State()["apiKeys"].empty());
}

// The seed's Terraform example (Yandex's "Managing API keys" page), as written, with real values:
// the deprecated `scope`, an expiry, a PGP key and output_to_lockbox.
TEST(ApiKeyResource, DocumentationExampleAppliesAsWritten) {
    GpgKeyring keyring;
    Scenario scenario;
    const auto config =
        "resource \"yandex_iam_service_account_api_key\" \"sa-api-key\" {\n"
        "  service_account_id = \"" +
        std::string(EmulatorProcess::kServiceAccount) +
        "\"\n"
        "  description        = \"key for postbox\"\n"
        "  scope              = \"yc.postbox.send\"\n"
        "  expires_at         = \"2099-12-31T23:59:59Z\"\n"
        "  pgp_key            = \"" +
        keyring.PublicKeyBase64() +
        "\"\n"
        "  output_to_lockbox  {\n"
        "    secret_id             = \"" +
        EmulatorProcess::kLockboxSecret +
        "\"\n"
        "    entry_for_secret_key = \"api_key\"\n"
        "  }\n"
        "}\n";
    scenario.Apply(config);
    scenario.ExpectEmptyPlan();
    const auto shown = scenario.Workspace().RunJson({"show", "-json"});
    const auto& key = shown["values"]["root_module"]["resources"][0]["values"];
    EXPECT_EQ(key["scope"], "yc.postbox.send");
    EXPECT_EQ(key["scopes"], json({"yc.postbox.send"}));
    EXPECT_EQ(key["expires_at"], "2099-12-31T23:59:59Z");
    const auto secret = keyring.DecryptBase64(key["encrypted_secret_key"]);
    EXPECT_TRUE(SameSecret(scenario.Emulator().LockboxEntry(
                               EmulatorProcess::kLockboxSecret, key["output_to_lockbox_version_id"], "api_key"),
                           secret));
    EXPECT_EQ(scenario.Emulator().Probe(secret, "yc.postbox.send"), 200);
    scenario.Run({});
}

// Not possible with the official provider (it has no importer): import by id, then nothing to change.
TEST_P(Lifecycle, ImportByIdPlansNoChanges) {
    Scenario scenario(GetParam());
    const auto config = KeyResource("  description = \"imported\"\n  scopes = [\"yc.postbox.send\"]\n");
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

// An `import {}` block and `terraform plan -generate-config-out`: the generated configuration
// imports the key and plans no change, then applies and stays quiet.
TEST_P(Lifecycle, GeneratedConfigForAnImportPlansNoChanges) {
    Scenario scenario(GetParam());
    scenario.Apply(
        KeyResource("  description = \"to import\"\n  scopes = [\"yc.postbox.send\", \"yc.ydb.tables.manage\"]\n"));
    const auto id = scenario.KeyValues()["id"].get<std::string>();
    ASSERT_EQ(scenario.Workspace().Run({"state", "rm", "yandex_iam_service_account_api_key.key"}).exit_code, 0);
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() +
                                     "import {\n  to = yandex_iam_service_account_api_key.key\n  id = \"" + id +
                                     "\"\n}\n");
    const auto generated = scenario.Workspace().Run({"plan", "-no-color", "-generate-config-out=generated.tf"});
    ASSERT_EQ(generated.exit_code, 0) << generated.out << generated.err;
    const auto hcl = ReadFile(scenario.Workspace().Directory() / "generated.tf");
    EXPECT_NE(hcl.find("service_account_id"), std::string::npos) << hcl;
    EXPECT_EQ(hcl.find("secret_key"), std::string::npos) << "computed-only attributes are left out:\n" << hcl;
    const auto planned = scenario.Workspace().Run({"plan", "-no-color"});
    ASSERT_EQ(planned.exit_code, 0) << planned.out << planned.err;
    EXPECT_NE(planned.out.find("1 to import, 0 to add, 0 to change, 0 to destroy"), std::string::npos) << planned.out;
    const auto applied = scenario.Workspace().Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    scenario.ExpectEmptyPlan();
    EXPECT_EQ(scenario.KeyValues()["id"], id);
    const auto destroyed = scenario.Workspace().Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(scenario.Emulator().State()["apiKeys"].empty());
}

// State written by the official provider (its source address, its empty strings for unset
// attributes) moves over with `terraform state replace-provider` and plans no change.
TEST(ApiKeyResource, OfficialProviderStateUpgradesWithNoDiff) {
    Scenario scenario;
    const auto config = KeyResource("  description = \"moved\"\n  scopes = [\"yc.postbox.send\"]\n");
    scenario.Apply(config);
    const auto state_path = scenario.Workspace().Directory() / "terraform.tfstate";
    auto state = json::parse(ReadFile(state_path));
    auto& resource = state["resources"][0];
    resource["provider"] = "provider[\"registry.terraform.io/yandex-cloud/yandex\"]";
    resource["instances"][0]["schema_version"] = 0;  // the official provider's schema version
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
TEST_P(Lifecycle, KeyDeletedOutsideTerraformIsRecreated) {
    Scenario scenario(GetParam());
    scenario.Apply(KeyResource(""));
    const auto id = scenario.KeyValues()["id"].get<std::string>();
    scenario.Emulator().DeleteKey(id);
    const auto plan = scenario.Workspace().Run({"plan", "-no-color"});
    EXPECT_NE(plan.out.find("will be created"), std::string::npos) << plan.out;
    EXPECT_NE(plan.out.find("1 to add, 0 to change, 0 to destroy"), std::string::npos) << plan.out;
    scenario.Run({{KeyResource(""), [&](const json& key) { EXPECT_NE(key["id"], id); }}});
}

// service_account_id is ForceNew: a new key replaces the old one, which is deleted.
TEST_P(Lifecycle, NewServiceAccountReplacesTheKey) {
    Scenario scenario(GetParam());
    std::string first;
    scenario.Run({
        {KeyResource(""), [&](const json& key) { first = key["id"]; }},
        {"resource \"yandex_iam_service_account_api_key\" \"key\" {\n  service_account_id = \"" +
             std::string(EmulatorProcess::kSecondServiceAccount) + "\"\n}\n",
         [&](const json& key) {
             EXPECT_NE(key["id"], first);
             EXPECT_TRUE(scenario.CloudKey(first).is_null()) << "the old key is deleted";
             EXPECT_EQ(scenario.Emulator().State()["apiKeys"].size(), 1U);
         }},
    });
}

// No secret reaches the provider's log lines, even at TRACE: not the OAuth token, not the IAM
// token it is exchanged for, not the API key's secret.
TEST(ApiKeyResource, ProviderLogsHoldNoSecretAtTrace) {
    Scenario scenario;
    scenario.Workspace().SetEnvironment("TF_LOG", "trace");
    scenario.Workspace().SetEnvironment("TF_LOG_PATH", std::nullopt);  // read from stderr below
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() + KeyResource(""));
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

INSTANTIATE_TEST_SUITE_P(ApiKeyResource, Lifecycle, kEachCli, CliTestName);

}  // namespace
}  // namespace acceptance
