#include "client/retry.hpp"

#include <gtest/gtest.h>

namespace ycloud {
namespace {

using namespace std::chrono_literals;

TEST(BackoffDelay, GrowsExponentiallyUpToTheCap) {
    const RetryPolicy policy{5, 100ms, 1000ms};
    // With the largest jitter the delay is the full step.
    EXPECT_EQ(BackoffDelay(policy, 0, 0.999999, std::nullopt), 99ms);
    EXPECT_EQ(BackoffDelay(policy, 1, 0.999999, std::nullopt), 199ms);
    EXPECT_EQ(BackoffDelay(policy, 2, 0.999999, std::nullopt), 399ms);
    EXPECT_EQ(BackoffDelay(policy, 10, 0.999999, std::nullopt), 999ms);
    // With none, half of it.
    EXPECT_EQ(BackoffDelay(policy, 1, 0.0, std::nullopt), 100ms);
}

TEST(BackoffDelay, RetryAfterWinsWhenLonger) {
    const RetryPolicy policy{5, 100ms, 1000ms};
    EXPECT_EQ(BackoffDelay(policy, 0, 0.5, 3000ms), 3000ms);
    EXPECT_EQ(BackoffDelay(policy, 3, 0.0, 10ms), 400ms);
}

TEST(ParseRetryAfter, ReadsSeconds) {
    EXPECT_EQ(ParseRetryAfter("2"), 2000ms);
    EXPECT_EQ(ParseRetryAfter(" 0 "), 0ms);
    EXPECT_FALSE(ParseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    EXPECT_FALSE(ParseRetryAfter("-1"));
}

}  // namespace
}  // namespace ycloud
