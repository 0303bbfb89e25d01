#include "resources/iam_service_account_api_key/model.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "resources/iam_service_account_api_key/definition.hpp"

namespace provider {
namespace {

using tfplugin::Type;
using tfplugin::Value;

// Every attribute of the schema, with a value of its own, so a field read from another
// attribute's place would show.
Value DistinctObject() {
    const auto type = ApiKeyDefinition().schema.ValueType();
    std::map<std::string, Value> attributes;
    for (const auto& [name, attribute_type] : type.AttributeTypes()) {
        attributes.emplace(
            name, attribute_type == Type::String() ? Value::String("value of " + name) : Value::Null(attribute_type));
    }
    return Value::Object(type, std::move(attributes));
}

TEST(ApiKeyModel, CoversTheSchemaAndRoundTrips) {
    const auto object = DistinctObject();
    const auto model = ApiKeyModel::From(object);
    EXPECT_EQ(model.ToValue(), object);
    EXPECT_EQ(model.pgp_key, Value::String("value of pgp_key"));
    EXPECT_EQ(model.output_to_lockbox_version_id, Value::String("value of output_to_lockbox_version_id"));
    EXPECT_EQ(ApiKeyModel::Null().ToValue(), ApiKeyModel::From(ApiKeyModel::Null().ToValue()).ToValue());
}

TEST(ApiKeyModel, FieldsNameTheirAttributes) {
    const auto type = ApiKeyDefinition().schema.ValueType();
    for (const ApiKeyField field :
         {&ApiKeyModel::id, &ApiKeyModel::created_at, &ApiKeyModel::rotate_after, &ApiKeyModel::output_to_lockbox}) {
        const std::string name = AttributeNameOf(field);
        EXPECT_TRUE(type.AttributeTypes().count(name)) << name;
        EXPECT_EQ(ApiKeyModel::From(DistinctObject()).*field, DistinctObject().Attribute(name)) << name;
    }
    EXPECT_EQ(PathOf(&ApiKeyModel::scopes).ToString(), "scopes");
}

TEST(ApiKeyModel, LockboxBlockNamesAreTheSchemas) {
    const auto* block = ApiKeyDefinition().schema.block.FindBlock(api_key_attribute::kOutputToLockbox);
    ASSERT_NE(block, nullptr);
    std::set<std::string> names;
    for (const auto& attribute : block->block.attributes)
        names.insert(attribute.name);
    EXPECT_EQ(
        names,
        (std::set<std::string>{api_key_attribute::kLockboxSecretId, api_key_attribute::kLockboxEntryForSecretKey}));
}

TEST(ApiKeyModel, IsSetFollowsTheResourcesRules) {
    auto model = ApiKeyModel::Null();
    EXPECT_EQ(IsSet(model, &ApiKeyModel::description), false);
    model.description = Value::String("");
    EXPECT_EQ(IsSet(model, &ApiKeyModel::description), false) << "\"\" means not set, as in the official provider";
    model.description = Value::Unknown(Type::String());
    EXPECT_EQ(IsSet(model, &ApiKeyModel::description), std::nullopt);
    auto other = ApiKeyModel::Null();
    other.description = Value::String("");
    EXPECT_FALSE(Changed(other, ApiKeyModel::Null(), &ApiKeyModel::description));
    other.description = Value::String("new");
    EXPECT_TRUE(Changed(other, ApiKeyModel::Null(), &ApiKeyModel::description));
}

}  // namespace
}  // namespace provider
