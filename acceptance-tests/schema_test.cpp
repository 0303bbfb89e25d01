// `terraform providers schema -json` through dev_overrides lists the provider and the resource
// with every attribute and its flags (foundation issue, acceptance point 2).
#include <gtest/gtest.h>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {
namespace {

class ProviderSchema : public testing::Test {
protected:
    static void SetUpTestSuite() {
        TerraformWorkspace workspace;
        workspace.WriteConfig(RequiredProvidersBlock() + "provider \"yandex\" {}\n");
        schema_ = new nlohmann::json(workspace.RunJson({"providers", "schema", "-json"}));
    }
    static void TearDownTestSuite() { delete schema_; }

    static const nlohmann::json& Provider() {
        return (*schema_)["provider_schemas"][std::string("registry.terraform.io/") + kProviderSource];
    }
    static const nlohmann::json& ApiKey() {
        return Provider()["resource_schemas"]["yandex_iam_service_account_api_key"]["block"];
    }

    static nlohmann::json* schema_;
};

nlohmann::json* ProviderSchema::schema_ = nullptr;

struct Flags {
    const char* name;
    const char* type;
    bool required;
    bool optional;
    bool computed;
    bool sensitive;
};

void ExpectAttribute(const nlohmann::json& block, const Flags& expected) {
    SCOPED_TRACE(expected.name);
    ASSERT_TRUE(block["attributes"].contains(expected.name));
    const auto& attribute = block["attributes"][expected.name];
    EXPECT_EQ(attribute["type"].dump(), expected.type);
    EXPECT_EQ(attribute.value("required", false), expected.required);
    EXPECT_EQ(attribute.value("optional", false), expected.optional);
    EXPECT_EQ(attribute.value("computed", false), expected.computed);
    EXPECT_EQ(attribute.value("sensitive", false), expected.sensitive);
    EXPECT_FALSE(attribute.value("description", "").empty()) << "every attribute needs a description";
}

TEST_F(ProviderSchema, ResourceHasEveryAttributeWithItsFlags) {
    const Flags expected[] = {
        {"id", R"("string")", false, false, true, false},
        {"service_account_id", R"("string")", true, false, false, false},
        {"description", R"("string")", false, true, false, false},
        {"scopes", R"(["list","string"])", false, true, true, false},
        {"scope", R"("string")", false, true, true, false},
        {"expires_at", R"("string")", false, true, false, false},
        {"pgp_key", R"("string")", false, true, false, false},
        {"secret_key", R"("string")", false, false, true, true},
        {"encrypted_secret_key", R"("string")", false, false, true, false},
        {"key_fingerprint", R"("string")", false, false, true, false},
        {"created_at", R"("string")", false, false, true, false},
        {"output_to_lockbox_version_id", R"("string")", false, false, true, false},
        {"rotation_triggers", R"(["map","string"])", false, true, false, false},
        {"rotate_after", R"("string")", false, true, false, false},
    };
    for (const auto& flags : expected) {
        ExpectAttribute(ApiKey(), flags);
    }
    EXPECT_EQ(ApiKey()["attributes"].size(), std::size(expected));
    EXPECT_TRUE(ApiKey()["attributes"]["scope"].value("deprecated", false));
}

TEST_F(ProviderSchema, OutputToLockboxIsAtMostOneBlock) {
    const auto& block = ApiKey()["block_types"]["output_to_lockbox"];
    EXPECT_EQ(block["nesting_mode"], "list");
    EXPECT_EQ(block["max_items"], 1);
    ExpectAttribute(block["block"], {"secret_id", R"("string")", true, false, false, false});
    ExpectAttribute(block["block"], {"entry_for_secret_key", R"("string")", true, false, false, false});
}

TEST_F(ProviderSchema, ProviderBlockMirrorsTheOfficialProvider) {
    const auto& block = Provider()["provider"]["block"];
    ExpectAttribute(block, {"token", R"("string")", false, true, false, true});
    ExpectAttribute(block, {"service_account_key_file", R"("string")", false, true, false, true});
    ExpectAttribute(block, {"endpoint", R"("string")", false, true, false, false});
    ExpectAttribute(block, {"folder_id", R"("string")", false, true, false, false});
    ExpectAttribute(block, {"cloud_id", R"("string")", false, true, false, false});
    ExpectAttribute(block, {"insecure", R"("bool")", false, true, false, false});
    ExpectAttribute(block, {"plaintext", R"("bool")", false, true, false, false});
    ExpectAttribute(block, {"max_retries", R"("number")", false, true, false, false});
    const auto& endpoints = block["block_types"]["endpoints"];
    EXPECT_EQ(endpoints["max_items"], 1);
    for (const auto* name : {"iam", "lockbox", "lockbox_payload", "operation", "keybase"}) {
        ExpectAttribute(endpoints["block"], {name, R"("string")", false, true, false, false});
    }
}

TEST_F(ProviderSchema, DescriptionsAreMarkdown) {
    EXPECT_EQ(ApiKey()["description_kind"], "markdown");
    EXPECT_EQ(ApiKey()["attributes"]["pgp_key"]["description_kind"], "markdown");
}

}  // namespace
}  // namespace acceptance
