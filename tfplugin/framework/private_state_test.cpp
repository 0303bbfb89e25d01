#include "tfplugin/framework/private_state.hpp"

#include <gtest/gtest.h>

namespace tfplugin::framework {
namespace {

TEST(PrivateState, EntriesSurviveARoundTripThroughTheBytesTerraformStores) {
    PrivateState state;
    state.Set("retire", R"([{"secret":"e6q1","version":"v1"}])");
    state.Set("other", "x");
    const auto bytes = state.Serialize();
    const auto parsed = PrivateState::Parse(bytes);
    EXPECT_EQ(parsed, state);
    EXPECT_EQ(parsed.Get("retire"), R"([{"secret":"e6q1","version":"v1"}])");
    EXPECT_EQ(parsed.Get("missing"), std::nullopt);
}

TEST(PrivateState, NothingToKeepIsStoredAsNoBytes) {
    PrivateState state;
    EXPECT_EQ(state.Serialize(), "");
    state.Set("retire", "[1]");
    state.Set("retire", "");
    EXPECT_TRUE(state.Empty());
    EXPECT_EQ(state.Serialize(), "");
}

TEST(PrivateState, BytesOfAnotherProviderOrGarbageReadAsEmpty) {
    // What the official provider's SDK keeps: its timeouts and schema version, not strings.
    EXPECT_TRUE(PrivateState::Parse(R"({"e2bfb730-ecaa-11e6-8f88-34363bc7c4c0":{"create":1}})").Empty());
    EXPECT_EQ(PrivateState::Parse(R"({"schema_version":"0"})").Get("schema_version"), "0");
    EXPECT_TRUE(PrivateState::Parse("\x93\x01").Empty());
    EXPECT_TRUE(PrivateState::Parse("[1,2]").Empty());
    EXPECT_TRUE(PrivateState::Parse("").Empty());
}

}  // namespace
}  // namespace tfplugin::framework
