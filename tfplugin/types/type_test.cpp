#include "tfplugin/types/type.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace tfplugin {
namespace {

TEST(Type, JsonFormMatchesTerraformSchemas) {
    EXPECT_EQ(Type::String().ToJsonString(), R"("string")");
    EXPECT_EQ(Type::List(Type::String()).ToJsonString(), R"(["list","string"])");
    EXPECT_EQ(Type::Object({{"b", Type::Bool()}, {"a", Type::Number()}}).ToJsonString(),
              R"(["object",{"a":"number","b":"bool"}])");
    EXPECT_EQ(Type::Tuple({Type::Dynamic()}).ToJsonString(), R"(["tuple",["dynamic"]])");
}

TEST(Type, ParsesWhatItWrites) {
    const auto type = Type::Map(Type::Object({{"x", Type::Set(Type::Number())}}));
    EXPECT_EQ(Type::FromJson(type.ToJson()), type);
    EXPECT_FALSE(Type::FromJson(nlohmann::json::parse(R"(["list"])")));
    EXPECT_FALSE(Type::FromJson(nlohmann::json::parse(R"("text")")));
}

TEST(Type, FriendlyNames) {
    EXPECT_EQ(Type::List(Type::String()).FriendlyName(), "list of string");
    EXPECT_EQ(Type::Object({}).FriendlyName(), "object");
}

}  // namespace
}  // namespace tfplugin
