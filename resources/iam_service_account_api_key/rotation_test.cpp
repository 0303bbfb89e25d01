#include "resources/iam_service_account_api_key/rotation.hpp"

#include <gtest/gtest.h>

#include "tfplugin/framework/timestamp.hpp"

namespace provider {
namespace {

using tfplugin::Type;
using tfplugin::Value;
using tfplugin::framework::PrivateState;

ApiKeyModel Key(const std::string& created_at, const Value& rotate_after) {
    auto key = ApiKeyModel::Null();
    key.id = Value::String("aje-key");
    key.created_at = Value::String(created_at);
    key.rotate_after = rotate_after;
    return key;
}

PrivateState RefreshedAt(const std::string& text) {
    PrivateState state;
    RememberRefreshTime(state,
                        std::chrono::system_clock::time_point(
                            std::chrono::seconds(tfplugin::framework::Timestamp::ParseRfc3339(text)->seconds)));
    return state;
}

TEST(Rotation, DueOnceTheKeyIsAsOldAsRotateAfterAtTheRefresh) {
    const auto key = Key("2026-01-01T00:00:00Z", Value::String("720h"));
    EXPECT_EQ(RotationDue(key, RefreshedAt("2026-01-30T23:59:59Z")), std::nullopt);
    const auto due = RotationDue(key, RefreshedAt("2026-01-31T00:00:00Z"));
    ASSERT_TRUE(due.has_value());
    EXPECT_NE(due->find("aje-key"), std::string::npos) << *due;
    EXPECT_NE(due->find("720h"), std::string::npos) << *due;
}

TEST(Rotation, NeverDueWithoutARefreshOrAKnownRotateAfter) {
    const auto old = "2000-01-01T00:00:00Z";
    EXPECT_EQ(RotationDue(Key(old, Value::String("1h")), PrivateState()), std::nullopt) << "no refresh seen";
    const auto refreshed = RefreshedAt("2026-01-01T00:00:00Z");
    EXPECT_EQ(RotationDue(Key(old, Value::Null(Type::String())), refreshed), std::nullopt);
    EXPECT_EQ(RotationDue(Key(old, Value::Unknown(Type::String())), refreshed), std::nullopt);
    EXPECT_EQ(RotationDue(Key(old, Value::String("")), refreshed), std::nullopt) << "\"\" means unset";
    EXPECT_EQ(RotationDue(Key(old, Value::String("soon")), refreshed), std::nullopt) << "validation reports it";
}

TEST(Rotation, ANewKeyForgetsTheRefreshOfTheOneItReplaces) {
    auto state = RefreshedAt("2026-01-31T00:00:00Z");
    ForgetRefreshTime(state);
    EXPECT_TRUE(state.Empty());
    EXPECT_EQ(RotationDue(Key("2000-01-01T00:00:00Z", Value::String("1h")), state), std::nullopt);
}

}  // namespace
}  // namespace provider
