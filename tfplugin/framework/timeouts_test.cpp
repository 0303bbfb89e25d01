#include "tfplugin/framework/timeouts.hpp"

#include <gtest/gtest.h>

namespace tfplugin::framework {
namespace {

using namespace std::chrono_literals;

TEST(ParseDuration, ReadsGoNotation) {
    EXPECT_EQ(ParseDuration("30s"), std::chrono::nanoseconds(30s));
    EXPECT_EQ(ParseDuration("20m"), std::chrono::nanoseconds(20min));
    EXPECT_EQ(ParseDuration("1h30m"), std::chrono::nanoseconds(90min));
    EXPECT_EQ(ParseDuration("1.5h"), std::chrono::nanoseconds(90min));
    EXPECT_EQ(ParseDuration(".5s"), std::chrono::nanoseconds(500ms));
    EXPECT_EQ(ParseDuration("250ms"), std::chrono::nanoseconds(250ms));
    EXPECT_EQ(ParseDuration("3\xC2\xB5s"), std::chrono::nanoseconds(3us));
    EXPECT_EQ(ParseDuration("0"), std::chrono::nanoseconds(0));
    EXPECT_EQ(ParseDuration("-2m"), std::chrono::nanoseconds(-2min));
}

TEST(ParseDuration, RefusesWhatGoRefuses) {
    for (const char* text : {"", "10", "m", "1d", "1 h", "1h-5m", ".s", "-", "1e3s", "9999999h"}) {
        EXPECT_FALSE(ParseDuration(text)) << text;
    }
}

TEST(PositiveDuration, NamesTheAttributeAndTheValue) {
    Diagnostics diagnostics;
    const auto path = AttributePath::Root("timeouts").Attribute("create");
    PositiveDuration()(Value::String("20 minutes"), path, diagnostics);
    ASSERT_TRUE(diagnostics.HasError());
    EXPECT_EQ(diagnostics.Items()[0].attribute, path);
    EXPECT_NE(diagnostics.Items()[0].detail.find("\"20 minutes\""), std::string::npos);
    Diagnostics zero;
    PositiveDuration()(Value::String("0s"), path, zero);
    EXPECT_TRUE(zero.HasError());
}

TEST(TimeoutOf, UsesTheBlockOrTheFallback) {
    Definition definition;
    AddTimeoutsBlock(definition, {"create", "delete"});
    const auto type = definition.schema.ValueType();
    const auto block_type = type.AttributeTypes().at("timeouts");
    const auto with_create = Value::Object(
        type,
        {{"timeouts",
          Value::Object(block_type, {{"create", Value::String("5m")}, {"delete", Value::Null(Type::String())}})}});
    EXPECT_EQ(TimeoutOf(with_create, "create", 20min), std::chrono::nanoseconds(5min));
    EXPECT_EQ(TimeoutOf(with_create, "delete", 20min), std::chrono::nanoseconds(20min));
    const auto without = Value::Object(type, {{"timeouts", Value::Null(block_type)}});
    EXPECT_EQ(TimeoutOf(without, "create", 20min), std::chrono::nanoseconds(20min));
}

}  // namespace
}  // namespace tfplugin::framework
