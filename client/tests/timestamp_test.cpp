#include "client/timestamp.hpp"

#include <gtest/gtest.h>

namespace ycloud {
namespace {

using std::chrono::system_clock;

TEST(ParseApiTimestamp, ReadsProto3TimestampsToWholeSeconds) {
    EXPECT_EQ(ParseApiTimestamp("2030-01-01T00:00:00Z"), system_clock::from_time_t(1'893'456'000));
    EXPECT_EQ(ParseApiTimestamp("2030-01-01T00:00:00.999999999Z"), system_clock::from_time_t(1'893'456'000));
    EXPECT_EQ(ParseApiTimestamp("2030-01-01T03:00:00+03:00"), system_clock::from_time_t(1'893'456'000));
    EXPECT_EQ(ParseApiTimestamp("1969-12-31T23:59:59Z"), system_clock::from_time_t(-1));
}

TEST(ParseApiTimestamp, RefusesWhatIsNoTimestampOrCannotBeHeld) {
    for (const char* text : {"",
                             "tomorrow",
                             "2030-01-01",
                             "2030-01-01T00:00:00",
                             "2030-02-30T00:00:00Z",
                             "1013-01-01T00:00:00Z",
                             "9999-01-01T00:00:00Z"}) {
        EXPECT_EQ(ParseApiTimestamp(text), std::nullopt) << text;
    }
}

}  // namespace
}  // namespace ycloud
