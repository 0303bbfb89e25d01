// The fault fields the fault matrix relies on: a 429 says when to come back, as Yandex Cloud's
// gateway does, and `skip` lets a fault hit a later call of the same method and path; and the
// README's latency for every call, which benchmarks use.
#include <chrono>

#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;

TEST_F(EmulatorTest, TooManyRequestsCarriesRetryAfter) {
    Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeyScopes"}, {"status", 429}});
    auto answer = client_->Get("/iam/v1/apiKeyScopes", Auth());
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 429);
    EXPECT_EQ(answer->get_header_value("Retry-After"), "1");
    EXPECT_EQ(json::parse(answer->body)["code"], 8) << "RESOURCE_EXHAUSTED";
}

TEST_F(EmulatorTest, RetryAfterCanBeChosen) {
    Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeyScopes"}, {"status", 429}, {"retryAfterS", 3}});
    auto answer = client_->Get("/iam/v1/apiKeyScopes", Auth());
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->get_header_value("Retry-After"), "3");
}

TEST_F(EmulatorTest, OtherErrorsCarryNoRetryAfter) {
    Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeyScopes"}, {"status", 503}});
    auto answer = client_->Get("/iam/v1/apiKeyScopes", Auth());
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 503);
    EXPECT_FALSE(answer->has_header("Retry-After"));
}

TEST_F(EmulatorTest, SkipLetsTheFirstMatchingCallsThrough) {
    Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeyScopes"}, {"status", 500}, {"skip", 2}});
    Get("/iam/v1/apiKeyScopes", 200);
    Get("/iam/v1/apiKeys/ajeunknown", 404);  // another path does not use up the skip
    Get("/iam/v1/apiKeyScopes", 200);
    Get("/iam/v1/apiKeyScopes", 500);
    Get("/iam/v1/apiKeyScopes", 200);  // count 1: the fault is used up
}

TEST_F(EmulatorTest, ASkippingFaultLetsALaterFaultMatch) {
    Fault({{"path", "/iam/v1/apiKeyScopes"}, {"status", 500}, {"skip", 1}});
    Fault({{"path", "/iam/v1/apiKeyScopes"}, {"status", 503}});
    Get("/iam/v1/apiKeyScopes", 503);
    Get("/iam/v1/apiKeyScopes", 500);
    Get("/iam/v1/apiKeyScopes", 200);
}

TEST_F(EmulatorTest, MalformedSkipAndRetryAfterAreRefused) {
    for (const json& fault : {json{{"path", "/x"}, {"status", 503}, {"skip", -1}},
                              json{{"path", "/x"}, {"status", 503}, {"skip", "1"}},
                              json{{"path", "/x"}, {"status", 429}, {"retryAfterS", 1.5}},
                              json{{"path", "/x"}, {"status", 429}, {"retryAfterS", 7200}}}) {
        auto answer = client_->Post("/admin/faults", fault.dump(), "application/json");
        ASSERT_TRUE(answer);
        EXPECT_EQ(answer->status, 400) << fault.dump();
    }
}

// "/*" matches every path, "all" every call; the admin API is never faulted, so the test that set
// the latency reads the state and clears the fault at full speed.
TEST_F(EmulatorTest, ALatencyForEveryCallLeavesTheAdminApiAlone) {
    constexpr auto kLatency = std::chrono::milliseconds(300);
    const auto timed = [](const std::function<void()>& call) {
        const auto started = std::chrono::steady_clock::now();
        call();
        return std::chrono::steady_clock::now() - started;
    };
    Fault({{"path", "/*"}, {"latencyMs", kLatency.count()}, {"count", "all"}});
    for (int i = 0; i < 3; ++i) {
        EXPECT_GE(timed([this] { Get("/iam/v1/apiKeyScopes"); }), kLatency);
        EXPECT_GE(timed([this] { Get("/endpoints"); }), kLatency);
    }
    EXPECT_GE(timed([this] { CreateKey(); }), kLatency);
    EXPECT_LT(timed([this] { State(); }), kLatency);
    EXPECT_LT(timed([this] { client_->Delete("/admin/faults"); }), kLatency);
    EXPECT_LT(timed([this] { Get("/endpoints"); }), kLatency) << "cleared";
}

}  // namespace
}  // namespace emulator::test
