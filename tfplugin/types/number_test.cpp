#include "tfplugin/types/number.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace tfplugin {
namespace {

struct ParseCase {
    const char* text;
    const char* canonical;  // nullptr: must not parse
};

class NumberParse : public testing::TestWithParam<ParseCase> {};

TEST_P(NumberParse, Canonicalises) {
    const auto& test = GetParam();
    auto number = Number::Parse(test.text);
    if (test.canonical == nullptr) {
        EXPECT_FALSE(number.has_value()) << test.text;
        return;
    }
    ASSERT_TRUE(number.has_value()) << test.text;
    EXPECT_EQ(number->ToString(), test.canonical);
}

INSTANTIATE_TEST_SUITE_P(Table,
                         NumberParse,
                         testing::Values(ParseCase{"0", "0"},
                                         ParseCase{"-0", "0"},  // zero has no sign
                                         ParseCase{"007", "7"},
                                         ParseCase{"1.50", "1.5"},
                                         ParseCase{"-0.001", "-0.001"},
                                         ParseCase{"12e3", "12000"},
                                         ParseCase{"1.5E-2", "0.015"},
                                         ParseCase{"1e400", "1e400"},
                                         ParseCase{"+Inf", "Inf"},
                                         ParseCase{"-Inf", "-Inf"},
                                         ParseCase{"", nullptr},
                                         ParseCase{"1.2.3", nullptr},
                                         ParseCase{"abc", nullptr},
                                         ParseCase{"1e", nullptr},
                                         ParseCase{".", nullptr}));

TEST(Number, IntegerConversionsAreExactAtTheLimits) {
    EXPECT_EQ(Number::FromInt(std::numeric_limits<std::int64_t>::min()).ToInt64(),
              std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(Number::FromUnsigned(std::numeric_limits<std::uint64_t>::max()).ToUint64(),
              std::numeric_limits<std::uint64_t>::max());
    EXPECT_FALSE(Number::FromUnsigned(std::numeric_limits<std::uint64_t>::max()).ToInt64());
    EXPECT_FALSE(Number::Parse("1.5")->ToInt64());
    EXPECT_FALSE(Number::Parse("Inf")->ToUint64());
}

TEST(Number, DoublesAreTakenAtTheirExactValue) {
    // 0.1 as a double is not one tenth; we keep what the double really is.
    auto tenth = Number::FromDouble(0.1);
    ASSERT_TRUE(tenth);
    EXPECT_NE(*tenth, *Number::Parse("0.1"));
    EXPECT_EQ(tenth->ToExactDouble(), 0.1);
    EXPECT_FALSE(Number::Parse("0.1")->ToExactDouble());
    EXPECT_EQ(Number::Parse("0.375")->ToExactDouble(), 0.375);
    EXPECT_FALSE(Number::FromDouble(std::numeric_limits<double>::quiet_NaN()));
}

}  // namespace
}  // namespace tfplugin
