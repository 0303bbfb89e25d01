#include "tfplugin/types/value.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "tfplugin/types/value_hash.hpp"

namespace tfplugin {
namespace {

TEST(Value, DefaultIsNull) {
    Value value;
    EXPECT_TRUE(value.IsNull());
    EXPECT_EQ(value.State(), ValueState::kNull);
}

TEST(Value, WhollyKnownLooksInside) {
    const auto type = Type::Object({{"a", Type::List(Type::String())}});
    const auto known = Value::Object(type, {{"a", Value::List(Type::String(), {Value::String("x")})}});
    const auto partly = Value::Object(type, {{"a", Value::List(Type::String(), {Value::Unknown(Type::String())})}});
    EXPECT_TRUE(known.IsWhollyKnown());
    EXPECT_TRUE(partly.IsKnown());
    EXPECT_FALSE(partly.IsWhollyKnown());
}

TEST(Value, ObjectsNeedEveryAttribute) {
    const auto type = Type::Object({{"a", Type::String()}, {"b", Type::String()}});
    EXPECT_THROW(Value::Object(type, {{"a", Value::String("x")}}), std::logic_error);
}

TEST(Value, WithAttributeReplacesOne) {
    const auto type = Type::Object({{"a", Type::String()}, {"b", Type::String()}});
    const auto before = Value::Object(type, {{"a", Value::String("x")}, {"b", Value::String("y")}});
    const auto after = before.WithAttribute("b", Value::Null(Type::String()));
    EXPECT_EQ(after.Attribute("a"), Value::String("x"));
    EXPECT_TRUE(after.Attribute("b").IsNull());
    EXPECT_EQ(before.Attribute("b"), Value::String("y"));
}

TEST(Value, SetsCompareWithoutOrder) {
    const auto ab = Value::Set(Type::String(), {Value::String("a"), Value::String("b")});
    const auto ba = Value::Set(Type::String(), {Value::String("b"), Value::String("a")});
    const auto list_ab = Value::List(Type::String(), {Value::String("a"), Value::String("b")});
    const auto list_ba = Value::List(Type::String(), {Value::String("b"), Value::String("a")});
    EXPECT_EQ(ab, ba);
    EXPECT_NE(list_ab, list_ba);
}

TEST(Value, NullAndUnknownDiffer) {
    EXPECT_NE(Value::Null(Type::String()), Value::Unknown(Type::String()));
    EXPECT_NE(Value::Null(Type::String()), Value::Null(Type::Number()));
    EXPECT_THROW((void)Value::Unknown(Type::String()).AsString(), std::logic_error);
}

TEST(Value, EqualValuesHashEqually) {
    const auto ab = Value::Set(Type::String(), {Value::String("a"), Value::String("b")});
    const auto ba = Value::Set(Type::String(), {Value::String("b"), Value::String("a"), Value::String("b")});
    EXPECT_EQ(ab, ba);
    EXPECT_EQ(HashValue(ab), HashValue(ba));
    EXPECT_EQ(HashValue(Value::FromNumber(*Number::Parse("1.50"))),
              HashValue(Value::FromNumber(*Number::Parse("1.5"))));
    EXPECT_NE(HashValue(Value::String("a")), HashValue(Value::String("b")));
    EXPECT_NE(Value::Set(Type::String(), {Value::String("a")}), ab);
}

TEST(Value, LargeSetsCompareInLinearTime) {
    std::vector<Value> forward;
    for (int i = 0; i < 100'000; ++i)
        forward.push_back(Value::String("scope-" + std::to_string(i)));
    std::vector<Value> backward(forward.rbegin(), forward.rend());
    const auto started = std::chrono::steady_clock::now();
    EXPECT_EQ(Value::Set(Type::String(), forward), Value::Set(Type::String(), backward));
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

}  // namespace
}  // namespace tfplugin
