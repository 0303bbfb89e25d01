// The yandex_iam_api_key_scopes data source under terraform against the emulator: the list
// Yandex Cloud documents for `yc iam api-key list-scopes`, read on every plan with nothing to
// change, and an API refusal shown as the user's error.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {
namespace {

// What `yc iam api-key list-scopes` prints in Yandex Cloud's documentation.
const std::vector<std::string> kDocumentedScopes = {"yc.ai.foundationModels.execute",
                                                    "yc.ai.imageGeneration.execute",
                                                    "yc.ai.languageModels.execute",
                                                    "yc.ai.speechkitStt.execute",
                                                    "yc.ai.speechkitTts.execute",
                                                    "yc.ai.translate.execute",
                                                    "yc.ai.vision.execute",
                                                    "yc.monitoring.manage",
                                                    "yc.monitoring.read",
                                                    "yc.postbox.send",
                                                    "yc.search-api.execute",
                                                    "yc.serverless.containers.invoke",
                                                    "yc.serverless.functions.invoke",
                                                    "yc.ydb.tables.manage",
                                                    "yc.ydb.topics.manage"};

const char* const kConfiguration = R"(
data "yandex_iam_api_key_scopes" "offered" {}

output "scopes" {
  value = data.yandex_iam_api_key_scopes.offered.scopes
}
)";

class ApiKeyScopesDataSource : public ::testing::Test {
protected:
    ApiKeyScopesDataSource() {
        workspace_.WriteConfig(RequiredProvidersBlock() + emulator_.ProviderBlock() + kConfiguration);
    }

    [[nodiscard]] int ScopeListCalls() const {
        const auto counts = emulator_.State()["callCounts"];
        return counts.contains("GET /iam/v1/apiKeyScopes") ? counts["GET /iam/v1/apiKeyScopes"].get<int>() : 0;
    }

    EmulatorProcess emulator_;
    TerraformWorkspace workspace_;
};

TEST_F(ApiKeyScopesDataSource, ListsTheScopesAndPlansNothingTheSecondTime) {
    const auto applied = workspace_.Run({"apply", "-auto-approve", "-no-color"});
    ASSERT_EQ(applied.exit_code, 0) << applied.out << applied.err;
    const auto output = workspace_.RunJson({"output", "-json", "scopes"});
    EXPECT_EQ(output.get<std::vector<std::string>>(), kDocumentedScopes);
    const auto calls_after_apply = ScopeListCalls();

    const auto planned = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(planned.exit_code, 0) << planned.out << planned.err;
    const auto replanned = workspace_.Run({"plan", "-detailed-exitcode", "-no-color"});
    EXPECT_EQ(replanned.exit_code, 0) << replanned.out << replanned.err;
    // Read afresh on each plan, not remembered from the state.
    EXPECT_GE(ScopeListCalls(), calls_after_apply + 2);

    const auto destroyed = workspace_.Run({"destroy", "-auto-approve", "-no-color"});
    EXPECT_EQ(destroyed.exit_code, 0) << destroyed.out << destroyed.err;
    EXPECT_TRUE(emulator_.State()["apiKeys"].empty());
}

TEST_F(ApiKeyScopesDataSource, ARefusalIsTheUsersErrorWithTheCloudsReason) {
    emulator_.Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeyScopes"}, {"status", 403}, {"count", "all"}});
    const auto planned = workspace_.Run({"plan", "-no-color"});
    EXPECT_NE(planned.exit_code, 0);
    EXPECT_NE(planned.err.find("Error: Cannot list the scopes of API keys"), std::string::npos) << planned.err;
    EXPECT_NE(planned.err.find("PERMISSION_DENIED"), std::string::npos) << planned.err;
    EXPECT_NE(planned.err.find("data.yandex_iam_api_key_scopes.offered"), std::string::npos) << planned.err;
}

}  // namespace
}  // namespace acceptance
