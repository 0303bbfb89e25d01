// Mistakes that cost nothing when caught at plan: each error says what is wrong, points at the
// setting to fix (Terraform highlights the attribute's line), and gives the hint that fixes it.
#include <gtest/gtest.h>

#include "acceptance-tests/support/diagnostics.hpp"
#include "acceptance-tests/support/scenario.hpp"

namespace acceptance {
namespace {

using nlohmann::json;

// Plans `config` (resources) under `provider` and returns the one error it must fail with.
json PlanError(TerraformWorkspace& workspace, const std::string& provider, const std::string& config) {
    workspace.WriteConfig(RequiredProvidersBlock() + provider + config);
    const auto planned = RunForDiagnostics(workspace, {"plan", "-json"});
    EXPECT_EQ(planned.exit_code, 1) << planned.output;
    for (const auto& diagnostic : planned.diagnostics) {
        if (diagnostic["severity"] == "error")
            return diagnostic;
    }
    ADD_FAILURE() << "no error: " << planned.output;
    return json::object();
}

std::string Detail(const json& diagnostic) {
    return diagnostic.value("detail", "");
}

TEST(PlanChecks, MissingLockboxSecretFailsAtPlanBeforeAnyKeyExists) {
    Scenario scenario;
    const auto error =
        PlanError(scenario.Workspace(),
                  scenario.Emulator().ProviderBlock(),
                  KeyResource("  output_to_lockbox {\n    secret_id            = \"e6qdoesnotexist00001\"\n    "
                              "entry_for_secret_key = \"api_key\"\n  }\n"));
    EXPECT_EQ(error.value("summary", ""), "Lockbox secret not found");
    EXPECT_NE(HighlightedCode(error).find("secret_id"), std::string::npos) << error.dump(2);
    EXPECT_NE(Detail(error).find("e6qdoesnotexist00001"), std::string::npos);
    EXPECT_NE(Detail(error).find("yc lockbox secret list"), std::string::npos);
    const auto applied = scenario.Workspace().Run({"apply", "-auto-approve", "-no-color"});
    EXPECT_NE(applied.exit_code, 0);
    EXPECT_EQ(scenario.Emulator().ApiKeysCreated(), 0) << "no key was made for a secret that cannot hold it";
}

// IAM tokens live at most 12 hours, so a stale one in CI is common: it fails once, at
// configuration, not once per key at apply.
TEST(PlanChecks, RejectedIamTokenFailsAtConfigurationWithHowToGetAFreshOne) {
    EmulatorProcess emulator;
    TerraformWorkspace workspace;
    const auto provider = "provider \"yandex\" {\n  endpoint  = \"127.0.0.1:" + std::to_string(emulator.Port()) +
                          "\"\n  plaintext = true\n  token     = \"t1.expired.token\"\n}\n";
    const auto error = PlanError(workspace, provider, KeyResource(""));
    EXPECT_EQ(error.value("summary", ""), "Yandex Cloud rejected the IAM token");
    EXPECT_NE(HighlightedCode(error).find("token"), std::string::npos) << error.dump(2);
    EXPECT_NE(Detail(error).find("yc iam create-token"), std::string::npos);
    EXPECT_NE(Detail(error).find("12 hours"), std::string::npos);
    EXPECT_EQ(Detail(error).find("t1.expired.token"), std::string::npos) << "a token is never echoed";
    EXPECT_EQ(emulator.ApiKeysCreated(), 0);
}

TEST(PlanChecks, NothingListeningAtTheEndpointIsSaidSo) {
    TerraformWorkspace workspace;
    const auto provider = "provider \"yandex\" {\n  endpoint  = \"127.0.0.1:1\"\n  plaintext = true\n  token     = \"" +
                          std::string(EmulatorProcess::kOAuthToken) + "\"\n}\n";
    const auto error = PlanError(workspace, provider, KeyResource(""));
    EXPECT_EQ(error.value("summary", ""), "Cannot reach the Yandex Cloud API");
    EXPECT_NE(HighlightedCode(error).find("endpoint"), std::string::npos) << error.dump(2);
    EXPECT_NE(Detail(error).find("YC_ENDPOINT"), std::string::npos);
    EXPECT_NE(Detail(error).find("127.0.0.1:1"), std::string::npos);
}

// A busy API is not a credentials problem: the error names the call that kept failing.
TEST(PlanChecks, RateLimitedEndpointLookupIsNotCalledAnAuthenticationFailure) {
    Scenario scenario;
    scenario.Emulator().Fault({{"method", "GET"}, {"path", "/endpoints"}, {"status", 429}, {"count", "all"}});
    scenario.Workspace().SetEnvironment("YC_MAX_RETRIES", "1");
    const auto error = PlanError(scenario.Workspace(), scenario.Emulator().ProviderBlock(), KeyResource(""));
    EXPECT_EQ(error.value("summary", ""), "Yandex Cloud API rate limit reached") << error.dump(2);
    EXPECT_NE(Detail(error).find("GET /endpoints"), std::string::npos) << error.dump(2);
    EXPECT_NE(Detail(error).find("RESOURCE_EXHAUSTED"), std::string::npos);
    EXPECT_NE(Detail(error).find("-parallelism"), std::string::npos);
}

// YC_MAX_RETRIES is held to the same range as max_retries, and says which one is wrong.
TEST(PlanChecks, RetryCountOutOfRangeNamesTheVariable) {
    Scenario scenario;
    scenario.Workspace().SetEnvironment("YC_MAX_RETRIES", "100000");
    const auto error = PlanError(scenario.Workspace(), scenario.Emulator().ProviderBlock(), KeyResource(""));
    EXPECT_EQ(error.value("summary", ""), "Invalid YC_MAX_RETRIES") << error.dump(2);
    EXPECT_NE(Detail(error).find("from 0 to 100"), std::string::npos);
    EXPECT_EQ(scenario.Emulator().ApiKeysCreated(), 0);
}

TEST(PlanChecks, TlsSpokenToAPlaintextEndpointHintsAtPlaintext) {
    EmulatorProcess emulator;
    TerraformWorkspace workspace;
    const auto provider = "provider \"yandex\" {\n  endpoint = \"127.0.0.1:" + std::to_string(emulator.Port()) +
                          "\"\n  token    = \"" + EmulatorProcess::kOAuthToken + "\"\n}\n";
    workspace.SetEnvironment("YC_PLAINTEXT", std::nullopt);
    const auto error = PlanError(workspace, provider, KeyResource(""));
    EXPECT_EQ(error.value("summary", ""), "Cannot reach the Yandex Cloud API");
    EXPECT_NE(HighlightedCode(error).find("endpoint"), std::string::npos) << error.dump(2);
    EXPECT_NE(Detail(error).find("plaintext = true"), std::string::npos);
    EXPECT_NE(Detail(error).find("YC_PLAINTEXT"), std::string::npos);
}

TEST(PlanChecks, NoCredentialsNamesTheArgumentsAndTheVariables) {
    EmulatorProcess emulator;
    TerraformWorkspace workspace;
    for (const char* variable : {"YC_TOKEN", "YC_SERVICE_ACCOUNT_KEY_FILE"})
        workspace.SetEnvironment(variable, std::nullopt);
    const auto provider = "provider \"yandex\" {\n  endpoint  = \"127.0.0.1:" + std::to_string(emulator.Port()) +
                          "\"\n  plaintext = true\n}\n";
    const auto error = PlanError(workspace, provider, KeyResource(""));
    EXPECT_EQ(error.value("summary", ""), "No Yandex Cloud credentials");
    for (const char* named : {"`token`", "YC_TOKEN", "`service_account_key_file`", "YC_SERVICE_ACCOUNT_KEY_FILE"})
        EXPECT_NE(Detail(error).find(named), std::string::npos) << named;
}

}  // namespace
}  // namespace acceptance
