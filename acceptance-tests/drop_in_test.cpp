// Code written for the official yandex-cloud/yandex provider works unchanged: the values wrapper
// modules pass for "not set" ("", [], null, unknown), any spelling of an expiry, and the official
// provider block. Each scenario applies, plans again with no change, destroys and leaves no key.
#include <gtest/gtest.h>

#include "acceptance-tests/support/diagnostics.hpp"
#include "acceptance-tests/support/scenario.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

TEST(DropIn, EmptyDescriptionStaysEmptyWithoutAPerpetualDiff) {
    Scenario scenario;
    std::string id;
    scenario.Run({
        {KeyResource("  description = \"\"\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["description"], "") << "the empty string the configuration holds survives read-back";
             EXPECT_EQ(scenario.CloudKey(id)["description"], "");
         }},
        {KeyResource("  description = \"set\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(scenario.CloudKey(id)["description"], "set");
         }},
        {KeyResource("  description = \"\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(key["description"], "");
             EXPECT_EQ(scenario.CloudKey(id)["description"], "") << "cleared in the cloud";
         }},
    });
}

// As in the official provider, [] is "not set": the cloud's default scopes on create, and an
// existing key keeps what it has.
TEST(DropIn, EmptyScopesMeanTheCloudsChoice) {
    Scenario scenario;
    std::string id;
    scenario.Run({
        {KeyResource("  scopes = []\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["scopes"], json::array());
             EXPECT_GT(scenario.CloudKey(id)["scopes"].size(), 1U) << "the cloud's default scopes";
             EXPECT_EQ(scenario.Emulator().Probe(key["secret_key"], "yc.monitoring.manage"), 200);
         }},
        // No longer written: the state shows what the cloud chose.
        {KeyResource(""),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(key["scopes"], scenario.CloudKey(id)["scopes"]);
         }},
        {KeyResource("  scopes = [\"yc.postbox.send\"]\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id) << "in place";
             EXPECT_EQ(scenario.CloudKey(id)["scopes"], json({"yc.postbox.send"}));
         }},
        {KeyResource("  scopes = []\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(key["scopes"], json({"yc.postbox.send"})) << "unset keeps what the key has";
             EXPECT_EQ(scenario.CloudKey(id)["scopes"], json({"yc.postbox.send"}));
         }},
    });
}

TEST(DropIn, EmptyPgpKeyExpiryAndScopeAreUnset) {
    Scenario scenario;
    scenario.Run({{KeyResource("  pgp_key    = \"\"\n  expires_at = \"\"\n  scope      = \"\"\n  scopes     = "
                               "[\"yc.postbox.send\"]\n"),
                   [&](const json& key) {
                       EXPECT_TRUE(key["secret_key"].is_string()) << "no PGP key: the secret is in state";
                       EXPECT_TRUE(key["encrypted_secret_key"].is_null());
                       EXPECT_EQ(key["pgp_key"], "");
                       EXPECT_EQ(key["expires_at"], "");
                       EXPECT_EQ(key["scope"], "");
                       const auto cloud = scenario.CloudKey(key["id"]);
                       EXPECT_EQ(cloud["expiresAt"], "") << "never expires";
                       EXPECT_EQ(cloud["scope"], "yc.postbox.send") << "the cloud still fills in the one scope";
                   }}});
}

// scope = "" leaves the deprecated attribute to the cloud, which derives it from scopes again
// whenever they change: the state keeps "" all along.
TEST(DropIn, EmptyScopeStaysEmptyWhenScopesChange) {
    Scenario scenario;
    std::string id;
    scenario.Run({
        {KeyResource("  scopes = [\"yc.postbox.send\"]\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["scope"], "yc.postbox.send") << "filled in by the cloud";
         }},
        {KeyResource("  scope  = \"\"\n  scopes = [\"yc.postbox.send\", \"yc.monitoring.manage\"]\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(key["scope"], "");
             EXPECT_EQ(scenario.CloudKey(id)["scope"], "") << "two scopes: the cloud has no single one";
         }},
        {KeyResource("  scope  = \"\"\n  scopes = [\"yc.monitoring.manage\"]\n"),
         [&](const json& key) {
             EXPECT_EQ(key["scope"], "");
             EXPECT_EQ(scenario.CloudKey(id)["scope"], "yc.monitoring.manage");
         }},
    });
}

TEST(DropIn, ScopeFromAnUnsetOrUnknownVariableIsNoConflict) {
    const std::string variable_null = "variable \"scope\" {\n  type    = string\n  default = null\n}\n";
    const std::string key = KeyResource("  scope  = var.scope\n  scopes = [\"yc.postbox.send\"]\n");
    {
        // No default: the variable is unknown while validating.
        TerraformWorkspace workspace;
        workspace.WriteConfig(RequiredProvidersBlock() + "variable \"scope\" {\n  type = string\n}\n" + key);
        const auto validated = RunForDiagnostics(workspace, {"validate", "-json"});
        EXPECT_EQ(validated.exit_code, 0) << validated.diagnostics.dump(2);
        EXPECT_TRUE(validated.Find("Conflicting attributes").is_null());
        EXPECT_TRUE(validated.Find("Deprecated attribute").is_null()) << "nothing is known to be set";
    }
    Scenario scenario;
    scenario.Run({{variable_null + key,
                   [&](const json& key_values) { EXPECT_EQ(key_values["scopes"], json({"yc.postbox.send"})); }}});
}

// Yandex Cloud's proto3 JSON gateway keeps a non-zero fraction and writes UTC: the instant
// written with a fraction and an offset is the same, and so is any other spelling of it.
TEST(DropIn, FractionalExpiryWithAnOffsetGivesNoDiff) {
    Scenario scenario;
    std::string id;
    scenario.Run({
        {KeyResource("  expires_at = \"2099-11-11T22:33:44.250-05:30\"\n"),
         [&](const json& key) {
             id = key["id"];
             EXPECT_EQ(key["expires_at"], "2099-11-11T22:33:44.250-05:30");
             EXPECT_EQ(scenario.CloudKey(id)["expiresAt"], "2099-11-12T04:03:44.250Z");
         }},
        {KeyResource("  expires_at = \"2099-11-12T04:03:44.25Z\"\n"),
         [&](const json& key) {
             EXPECT_EQ(key["id"], id);
             EXPECT_EQ(key["expires_at"], "2099-11-11T22:33:44.250-05:30") << "the same instant: no change planned";
         }},
    });
}

TEST(DropIn, FractionalExpiryAgainstAnApiThatKeepsWholeSeconds) {
    Scenario scenario({"--timestamp-precision", "seconds"});
    scenario.Run({{KeyResource("  expires_at = \"2099-11-11T22:33:44.250-05:30\"\n"), [&](const json& key) {
                       EXPECT_EQ(key["expires_at"], "2099-11-11T22:33:44.250-05:30");
                       EXPECT_EQ(scenario.CloudKey(key["id"])["expiresAt"], "2099-11-12T04:03:44Z");
                   }}});
}

// A key dead on arrival is almost surely a mistake, so the plan warns; but a key past its expiry
// must stay manageable, so it is no error.
TEST(DropIn, PastExpiryWarnsAtPlanAndTheKeyStaysManageable) {
    Scenario scenario;
    const auto config = KeyResource("  expires_at = \"2020-01-01T00:00:00Z\"\n");
    scenario.Workspace().WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock() + config);
    const auto planned = RunForDiagnostics(scenario.Workspace(), {"plan", "-json"});
    EXPECT_EQ(planned.exit_code, 0) << planned.output;
    const auto warning = planned.Find("Expiry in the past");
    ASSERT_FALSE(warning.is_null()) << planned.diagnostics.dump(2);
    EXPECT_EQ(warning["severity"], "warning");
    EXPECT_NE(HighlightedCode(warning).find("expires_at"), std::string::npos);
    EXPECT_NE(warning["detail"].get<std::string>().find("Set a later time"), std::string::npos);
    scenario.Run({{config, nullptr},
                  {KeyResource("  expires_at  = \"2020-01-01T00:00:00Z\"\n  description = \"still managed\"\n"),
                   [&](const json& key) { EXPECT_EQ(key["description"], "still managed"); }}});
}

// A provider block copied from the official provider, every argument of its schema set.
TEST(DropIn, OfficialProviderBlockIsAcceptedAndUnusedArgumentsWarn) {
    Scenario scenario;
    const std::vector<std::string> ignored = {"folder_id",
                                              "cloud_id",
                                              "organization_id",
                                              "region_id",
                                              "zone",
                                              "storage_endpoint",
                                              "storage_access_key",
                                              "storage_secret_key",
                                              "ymq_endpoint",
                                              "ymq_access_key",
                                              "ymq_secret_key",
                                              "yq_endpoint",
                                              "datalens_endpoint",
                                              "shared_credentials_file",
                                              "profile"};
    std::string extra = "  insecure    = false\n  max_retries = 3\n  service_account_key_file = \"\"\n";
    for (const auto& name : ignored)
        extra += "  " + name + " = \"value-of-" + name + "\"\n";
    auto& workspace = scenario.Workspace();
    workspace.WriteConfig(RequiredProvidersBlock() + scenario.Emulator().ProviderBlock(extra) + KeyResource(""));
    const auto validated = RunForDiagnostics(workspace, {"validate", "-json"});
    EXPECT_EQ(validated.exit_code, 0) << validated.diagnostics.dump(2);
    EXPECT_EQ(validated.Count("Argument not used"), ignored.size()) << validated.diagnostics.dump(2);
    for (const auto& diagnostic : validated.diagnostics) {
        EXPECT_EQ(diagnostic["severity"], "warning") << diagnostic.dump(2);
        EXPECT_NE(diagnostic["detail"].get<std::string>().find("is ignored"), std::string::npos);
    }
    const auto applied = workspace.Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    scenario.ExpectEmptyPlan();
    const auto destroyed = workspace.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_EQ(scenario.Emulator().State()["apiKeys"].size(), 0U);
}

// YC_PLAINTEXT and YC_INSECURE read as Go's strconv.ParseBool reads them; anything else is an
// error naming the variable, never a silent false.
TEST(DropIn, BooleanVariablesReadLikeTheOfficialProvider) {
    EmulatorProcess emulator;
    TerraformWorkspace workspace;
    workspace.WriteConfig(RequiredProvidersBlock() + "provider \"yandex\" {}\n" + KeyResource(""));
    workspace.SetEnvironment(emulator.ProviderEnvironment());
    workspace.SetEnvironment("YC_SERVICE_ACCOUNT_KEY_FILE", std::nullopt);
    for (const char* yes : {"1", "t", "T", "TRUE", "true", "True"}) {
        workspace.SetEnvironment("YC_PLAINTEXT", yes);
        const auto planned = workspace.Run({"plan", "-no-color"});
        EXPECT_EQ(planned.exit_code, 0) << "YC_PLAINTEXT=" << yes << "\n" << planned.out << planned.err;
    }
    for (const auto& [variable, value] : {std::pair<const char*, const char*>{"YC_PLAINTEXT", "yes"},
                                          std::pair<const char*, const char*>{"YC_INSECURE", "on"}}) {
        workspace.SetEnvironment("YC_PLAINTEXT", "true");
        workspace.SetEnvironment(variable, value);
        const auto planned = RunForDiagnostics(workspace, {"plan", "-json"});
        EXPECT_EQ(planned.exit_code, 1) << planned.output;
        const auto error = planned.Find(std::string("Invalid ") + variable);
        ASSERT_FALSE(error.is_null()) << planned.diagnostics.dump(2);
        EXPECT_NE(error["detail"].get<std::string>().find(variable), std::string::npos);
        EXPECT_NE(error["detail"].get<std::string>().find(value), std::string::npos);
        workspace.SetEnvironment("YC_INSECURE", std::nullopt);
    }
}

}  // namespace
}  // namespace acceptance
