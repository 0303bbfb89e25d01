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

std::chrono::system_clock::time_point At(const std::string& text) {
    return std::chrono::system_clock::time_point(
        std::chrono::seconds(tfplugin::framework::Timestamp::ParseRfc3339(text)->seconds));
}

// The private state a refresh at `when` leaves for `state`.
PrivateState RefreshedAt(const ApiKeyModel& state, const std::string& when) {
    PrivateState private_state;
    RecordRotationCheck(private_state, state, At(when));
    return private_state;
}

TEST(Rotation, DueOnceTheKeyIsAsOldAsRotateAfterAtTheRefresh) {
    const auto key = Key("2026-01-01T00:00:00Z", Value::String("720h"));
    const auto early = RefreshedAt(key, "2026-01-30T23:59:59Z");
    EXPECT_TRUE(early.Empty()) << "a refresh that finds the key not due leaves the private state as it was";
    EXPECT_EQ(RotationDue(key, early), std::nullopt);
    const auto due = RotationDue(key, RefreshedAt(key, "2026-01-31T00:00:00Z"));
    ASSERT_TRUE(due.has_value());
    EXPECT_NE(due->find("aje-key"), std::string::npos) << *due;
    EXPECT_NE(due->find("720h"), std::string::npos) << *due;
}

TEST(Rotation, ThePlannedRotateAfterDecidesAtTheRecordedRefresh) {
    const auto state = Key("2026-01-01T00:00:00Z", Value::String("720h"));
    const auto refreshed = RefreshedAt(state, "2026-02-01T00:00:00Z");
    ASSERT_TRUE(FoundDue(refreshed));
    EXPECT_EQ(RotationDue(Key("2026-01-01T00:00:00Z", Value::String("2160h")), refreshed), std::nullopt)
        << "made longer since the refresh";
    EXPECT_EQ(RotationDue(Key("2026-01-01T00:00:00Z", Value::Null(Type::String())), refreshed), std::nullopt)
        << "removed";
    EXPECT_EQ(RotationDue(Key("2026-01-01T00:00:00Z", Value::Unknown(Type::String())), refreshed), std::nullopt);
    EXPECT_EQ(RotationDue(Key("2026-01-01T00:00:00Z", Value::String("")), refreshed), std::nullopt)
        << "\"\" means unset";
}

TEST(Rotation, NeverDueWithoutARefreshThatFoundIt) {
    const auto old = Key("2000-01-01T00:00:00Z", Value::String("1h"));
    EXPECT_EQ(RotationDue(old, PrivateState()), std::nullopt);
    EXPECT_FALSE(FoundDue(RefreshedAt(Key("2000-01-01T00:00:00Z", Value::String("soon")), "2026-01-01T00:00:00Z")))
        << "a malformed duration is validation's to report";
    EXPECT_FALSE(
        FoundDue(RefreshedAt(Key("2000-01-01T00:00:00Z", Value::Null(Type::String())), "2026-01-01T00:00:00Z")));
}

TEST(Rotation, ARefreshThatNoLongerFindsItDueRemovesTheRecord) {
    auto private_state = RefreshedAt(Key("2026-01-01T00:00:00Z", Value::String("1h")), "2026-01-02T00:00:00Z");
    ASSERT_TRUE(FoundDue(private_state));
    RecordRotationCheck(private_state, Key("2026-01-01T00:00:00Z", Value::String("720h")), At("2026-01-02T00:00:00Z"));
    EXPECT_TRUE(private_state.Empty());
}

}  // namespace
}  // namespace provider
