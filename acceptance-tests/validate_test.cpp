// `terraform validate` accepts valid configurations and rejects each invalid value with an
// error that points at the attribute (foundation issue, acceptance point 3).
#include <gtest/gtest.h>

#include "acceptance-tests/support/diagnostics.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/gpg.hpp"

namespace acceptance {

using test_support::GpgKeyring;
using test_support::ProcessOptions;
using test_support::RunProcess;

namespace {

std::string Repeat(char c, std::size_t count) {
    return std::string(count, c);
}

std::string Resource(const std::string& body) {
    return RequiredProvidersBlock() + "resource \"yandex_iam_service_account_api_key\" \"key\" {\n" + body + "}\n";
}

CommandReport Validate(const std::string& config) {
    TerraformWorkspace workspace;
    workspace.WriteConfig(config);
    return RunForDiagnostics(workspace, {"validate", "-json"});
}

class ValidConfig : public testing::Test {
protected:
    static void SetUpTestSuite() { keyring_ = new GpgKeyring(); }
    static void TearDownTestSuite() { delete keyring_; }
    static GpgKeyring* keyring_;
};

GpgKeyring* ValidConfig::keyring_ = nullptr;

// The seed's Terraform example (Managing API keys, Terraform tab) with real-looking values.
TEST_F(ValidConfig, SeedExampleWithRealValuesIsAccepted) {
    const auto validation = Validate(Resource(R"(  service_account_id = "aje6o61dvog2h6g9a33s"
  description        = "this API-key is for my-robot"
  scope              = "yc.postbox.send"
  expires_at         = "2030-04-09T08:41:27Z"
  pgp_key            = ")" + keyring_->PublicKeyBase64() +
                                              R"("
  output_to_lockbox {
    secret_id            = "e6q8rl3hr3nfi6b3h5tk"
    entry_for_secret_key = "secret_key"
  }
)"));
    EXPECT_EQ(validation.exit_code, 0) << validation.diagnostics.dump(2);
}

TEST_F(ValidConfig, EveryPgpKeyFormIsAccepted) {
    ProcessOptions pipe_in;
    pipe_in.input = keyring_->PublicKeyArmored();
    const auto armored_base64 = RunProcess({"base64", "-w0"}, pipe_in).out;
    for (const auto& key : {keyring_->PublicKeyBase64(), armored_base64}) {
        const auto validation =
            Validate(Resource("  service_account_id = \"aje6o61dvog2h6g9a33s\"\n  pgp_key = \"" + key + "\"\n"));
        EXPECT_EQ(validation.exit_code, 0) << validation.diagnostics.dump(2);
    }
    const auto heredoc = Validate(Resource("  service_account_id = \"aje6o61dvog2h6g9a33s\"\n  pgp_key = <<-EOT\n" +
                                           keyring_->PublicKeyArmored() + "  EOT\n"));
    EXPECT_EQ(heredoc.exit_code, 0) << heredoc.diagnostics.dump(2);
}

TEST(Validate, UnknownValuesAreNeverErrors) {
    const auto validation = Validate(Resource(R"(  service_account_id = var.sa
  description        = var.description
  scopes             = var.scopes
  expires_at         = timeadd(timestamp(), "24h")
  pgp_key            = var.pgp_key
  output_to_lockbox {
    secret_id            = var.secret
    entry_for_secret_key = var.entry
  }
)") + "variable \"sa\" {}\nvariable \"description\" {}\nvariable \"scopes\" {}\nvariable \"pgp_key\" {}\n" +
                                     "variable \"secret\" {}\nvariable \"entry\" {}\n");
    EXPECT_EQ(validation.exit_code, 0) << validation.diagnostics.dump(2);
}

struct InvalidCase {
    const char* name;
    std::string body;
    const char* attribute;  // must appear in the highlighted source line
    const char* detail;     // part of the message
};

const std::string kSa = "  service_account_id = \"aje6o61dvog2h6g9a33s\"\n";

std::vector<InvalidCase> InvalidCases() {
    std::string many_scopes;
    for (int i = 0; i < 101; ++i)
        many_scopes += "\"s" + std::to_string(i) + "\", ";
    return {
        {"service_account_id_too_long",
         "  service_account_id = \"" + Repeat('a', 51) + "\"\n",
         "service_account_id",
         "at most 50 characters"},
        {"description_too_long",
         kSa + "  description = \"" + Repeat('d', 257) + "\"\n",
         "description",
         "at most 256 characters"},
        {"too_many_scopes", kSa + "  scopes = [" + many_scopes + "]\n", "scopes", "at most 100 elements"},
        {"scope_entry_too_long",
         kSa + "  scopes = [\"" + Repeat('s', 257) + "\"]\n",
         "scopes",
         "at most 256 characters"},
        {"duplicate_scopes",
         kSa + "  scopes = [\"yc.postbox.send\", \"yc.postbox.send\"]\n",
         "scopes",
         "must not repeat"},
        {"null_scope", kSa + "  scopes = [\"yc.postbox.send\", null]\n", "scopes", "needs a value"},
        {"rotate_after_in_days", kSa + "  rotate_after = \"90d\"\n", "rotate_after", "positive duration"},
        {"scope_and_scopes",
         kSa + "  scope = \"yc.postbox.send\"\n  scopes = [\"yc.postbox.send\"]\n",
         "scope",
         "not both"},
        {"expires_at_not_rfc3339", kSa + "  expires_at = \"2030-01-01 00:00\"\n", "expires_at", "RFC 3339"},
        {"expires_at_after_2105",
         kSa + "  expires_at = \"2106-01-01T00:00:00Z\"\n",
         "expires_at",
         "between 1970-01-01 and 2105-12-31"},
        {"expires_at_before_1970",
         kSa + "  expires_at = \"1969-12-31T23:59:59Z\"\n",
         "expires_at",
         "between 1970-01-01 and 2105-12-31"},
        {"pgp_key_garbage", kSa + "  pgp_key = \"not a key\"\n", "pgp_key", "OpenPGP public key"},
        {"pgp_key_base64_not_a_key",
         kSa + "  pgp_key = \"aGVsbG8gd29ybGQ=\"\n",
         "pgp_key",
         "does not contain an OpenPGP public key"},
        {"pgp_key_keybase_without_user", kSa + "  pgp_key = \"keybase:\"\n", "pgp_key", "Keybase user names"},
        {"lockbox_entry_bad_characters",
         kSa + "  output_to_lockbox {\n    secret_id = \"e6q8rl3hr3nfi6b3h5tk\"\n    entry_for_secret_key = \"api "
               "key!\"\n  }\n",
         "entry_for_secret_key",
         "may contain only letters, digits"},
        {"lockbox_entry_too_long",
         kSa + "  output_to_lockbox {\n    secret_id = \"e6q8rl3hr3nfi6b3h5tk\"\n    entry_for_secret_key = \"" +
             Repeat('k', 257) + "\"\n  }\n",
         "entry_for_secret_key",
         "at most 256 characters"},
    };
}

void PrintTo(const InvalidCase& test, std::ostream* out) {
    *out << test.name;
}

class InvalidConfig : public testing::TestWithParam<InvalidCase> {};

TEST_P(InvalidConfig, IsRejectedAtTheAttribute) {
    const auto& test = GetParam();
    const auto validation = Validate(Resource(test.body));
    EXPECT_EQ(validation.exit_code, 1);
    auto errors = nlohmann::json::array();
    for (const auto& diagnostic : validation.diagnostics) {
        if (diagnostic["severity"] == "error")
            errors.push_back(diagnostic);
    }
    ASSERT_EQ(errors.size(), 1U) << validation.diagnostics.dump(2);
    const auto& diagnostic = errors[0];
    EXPECT_EQ(diagnostic["severity"], "error");
    EXPECT_NE(diagnostic["detail"].get<std::string>().find(test.detail), std::string::npos) << diagnostic.dump(2);
    // Terraform turned our attribute path into the source range of the offending line.
    const auto code = diagnostic["snippet"]["code"].get<std::string>();
    EXPECT_NE(code.find(test.attribute), std::string::npos) << diagnostic.dump(2);
}

std::string CaseName(const testing::TestParamInfo<InvalidCase>& info) {
    return info.param.name;
}

INSTANTIATE_TEST_SUITE_P(Table, InvalidConfig, testing::ValuesIn(InvalidCases()), CaseName);

TEST(Validate, DeprecatedScopeWarnsWithTheMigrationAdvice) {
    const auto validation = Validate(Resource(kSa + "  scope = \"yc.postbox.send\"\n"));
    EXPECT_EQ(validation.exit_code, 0);
    ASSERT_EQ(validation.diagnostics.size(), 1U) << validation.diagnostics.dump(2);
    EXPECT_EQ(validation.diagnostics[0]["severity"], "warning");
    EXPECT_NE(validation.diagnostics[0]["detail"].get<std::string>().find("Use attribute `scopes` instead"),
              std::string::npos);
}

TEST(Validate, SecondLockboxBlockIsRejected) {
    const std::string block = "  output_to_lockbox {\n    secret_id = \"a\"\n    entry_for_secret_key = \"b\"\n  }\n";
    const auto validation = Validate(Resource(kSa + block + block));
    EXPECT_EQ(validation.exit_code, 1);
    ASSERT_FALSE(validation.diagnostics.empty());
    EXPECT_NE(validation.diagnostics[0].dump().find("output_to_lockbox"), std::string::npos);
}

TEST(Validate, ProviderRejectsTokenTogetherWithKeyFile) {
    const auto validation = Validate(RequiredProvidersBlock() +
                                     "provider \"yandex\" {\n  token = \"t1.abc.def\"\n  service_account_key_file = "
                                     "\"{}\"\n}\n" +
                                     "resource \"yandex_iam_service_account_api_key\" \"key\" {\n" + kSa + "}\n");
    EXPECT_EQ(validation.exit_code, 1);
    ASSERT_EQ(validation.diagnostics.size(), 1U) << validation.diagnostics.dump(2);
    EXPECT_NE(validation.diagnostics[0]["detail"].get<std::string>().find("not both"), std::string::npos);
}

}  // namespace
}  // namespace acceptance
