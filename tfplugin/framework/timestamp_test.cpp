#include "tfplugin/framework/timestamp.hpp"

#include <gtest/gtest.h>

namespace tfplugin::framework {
namespace {

struct Case {
    const char* text;
    const char* utc;  // nullptr: invalid
};

class TimestampParse : public testing::TestWithParam<Case> {};

TEST_P(TimestampParse, NormalisesToUtc) {
    const auto& test = GetParam();
    const auto parsed = Timestamp::ParseRfc3339(test.text);
    if (test.utc == nullptr) {
        EXPECT_FALSE(parsed) << test.text;
        return;
    }
    ASSERT_TRUE(parsed) << test.text;
    EXPECT_EQ(parsed->ToRfc3339(), test.utc);
}

INSTANTIATE_TEST_SUITE_P(Table,
                         TimestampParse,
                         testing::Values(Case{"2099-11-11T22:33:44Z", "2099-11-11T22:33:44Z"},
                                         // The same instant written in Moscow time.
                                         Case{"2099-11-12T01:33:44+03:00", "2099-11-11T22:33:44Z"},
                                         Case{"1970-01-01T00:00:00z", "1970-01-01T00:00:00Z"},
                                         Case{"1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"},
                                         Case{"2025-03-03T16:29:04.709971428Z", "2025-03-03T16:29:04.709971428Z"},
                                         Case{"2025-03-03t16:29:04.500-01:30", "2025-03-03T17:59:04.5Z"},
                                         Case{"2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"},
                                         Case{"2025-02-29T00:00:00Z", nullptr},
                                         Case{"2025-13-01T00:00:00Z", nullptr},
                                         Case{"2025-01-01 00:00:00Z", nullptr},
                                         Case{"2025-01-01T00:00:00", nullptr},
                                         Case{"2025-01-01T24:00:00Z", nullptr},
                                         Case{"2025-01-01T00:00:00.Z", nullptr},
                                         Case{"2025-01-01T00:00:00+0300", nullptr},
                                         Case{"tomorrow", nullptr}));

TEST(Timestamp, OrdersInstantsAcrossOffsets) {
    EXPECT_EQ(Timestamp::ParseRfc3339("2030-01-01T03:00:00+03:00"), Timestamp::ParseRfc3339("2030-01-01T00:00:00Z"));
    EXPECT_LT(Timestamp::ParseRfc3339("2030-01-01T00:00:00Z"), Timestamp::ParseRfc3339("2030-01-01T00:00:00.1Z"));
}

}  // namespace
}  // namespace tfplugin::framework
