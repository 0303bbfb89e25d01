// Faults that let a call take effect and then delay or lose its answer, next to those that stop
// it before it happens; and a fault's count.
#include <future>

#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

const json kCreate = {{"serviceAccountId", kAccount}};

TEST_F(EmulatorTest, DropAfterCreatesTheKeyAndThenBreaksTheConnection) {
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"action", "drop-after"}});
    const auto headers = AuthWithIdempotencyKey("5f0c7e5e-0000-4000-8000-00000000d0a1");
    auto lost = client_->Post("/iam/v1/apiKeys", headers, kCreate.dump(), "application/json");
    ASSERT_FALSE(lost) << "an answer arrived: " << lost->status << " " << lost->body;
    EXPECT_EQ(lost.error(), httplib::Error::Read) << "the connection broke while the answer was read";
    const auto state = State();
    ASSERT_EQ(state["apiKeys"].size(), 1U) << "the call took effect";
    EXPECT_EQ(state["apiKeysCreated"], 1);

    // The retry a client makes with the same key gets the answer that was lost.
    const auto retried = Post("/iam/v1/apiKeys", kCreate, 200, headers);
    EXPECT_EQ(retried["apiKey"]["id"], state["apiKeys"][0]["id"]);
    EXPECT_EQ(State()["apiKeysCreated"], 1);
}

TEST_F(EmulatorTest, DropAfterAddsTheLockboxVersion) {
    Fault({{"path", "/lockbox/v1/secrets/e6qsecret:addVersion"}, {"action", "drop-after"}});
    auto lost = client_->Post("/lockbox/v1/secrets/e6qsecret:addVersion",
                              Auth(),
                              json{{"payloadEntries", {{{"key", "k"}, {"textValue", "v"}}}}}.dump(),
                              "application/json");
    EXPECT_FALSE(lost);
    EXPECT_EQ(Get("/lockbox/v1/secrets/e6qsecret/versions")["versions"].size(), 2U);
}

TEST_F(EmulatorTest, DropBeforeTheHandlerHasNoEffect) {
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"action", "drop"}});
    EXPECT_FALSE(client_->Post("/iam/v1/apiKeys", Auth(), kCreate.dump(), "application/json"));
    EXPECT_TRUE(State()["apiKeys"].empty());
    EXPECT_EQ(State()["apiKeysCreated"], 0);
}

TEST_F(EmulatorTest, AnswerDelayHoldsBackOnlyTheAnswer) {
    constexpr auto kDelay = 500ms;
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"answerDelayMs", kDelay.count()}});
    const auto started = Clock::now();
    auto answer = std::async(std::launch::async, [this] {
        return NewClient()->Post("/iam/v1/apiKeys", Auth(), kCreate.dump(), "application/json");
    });
    ASSERT_TRUE(WaitUntil([this] { return State()["apiKeys"].size() == 1; })) << "the key was created";
    EXPECT_EQ(answer.wait_for(0ms), std::future_status::timeout) << "the key exists before its answer is sent";
    const auto result = answer.get();
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200);
    EXPECT_GE(Clock::now() - started, kDelay);
    EXPECT_EQ(json::parse(result->body)["apiKey"]["id"], State()["apiKeys"][0]["id"]);
}

TEST_F(EmulatorTest, AClientThatStopsWaitingForADelayedAnswerLeavesTheKeyCreated) {
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"answerDelayMs", 600}});
    auto impatient = NewClient();
    impatient->set_read_timeout(0, 150'000);
    auto result = impatient->Post("/iam/v1/apiKeys", Auth(), kCreate.dump(), "application/json");
    EXPECT_FALSE(result) << "the client gave up before the answer";
    EXPECT_EQ(State()["apiKeys"].size(), 1U);
}

TEST_F(EmulatorTest, CountAllAppliesAFaultToEveryMatchingCall) {
    Fault({{"path", "/iam/v1/apiKeyScopes"}, {"latencyMs", 100}, {"count", "all"}});
    Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeys/*"}, {"status", 503}, {"count", -1}});
    for (int i = 0; i < 3; ++i) {
        const auto started = Clock::now();
        Get("/iam/v1/apiKeyScopes");
        EXPECT_GE(Clock::now() - started, 100ms) << "call " << i;
        Get("/iam/v1/apiKeys/ajeanything", 503);
    }
    ASSERT_EQ(client_->Delete("/admin/faults")->status, 200);
    Get("/iam/v1/apiKeys/ajeanything", 404);
}

TEST_F(EmulatorTest, CountLimitsAFaultToTheNextCalls) {
    Fault({{"method", "GET"}, {"path", "/iam/v1/apiKeyScopes"}, {"status", 429}, {"count", 2}});
    Get("/iam/v1/apiKeyScopes", 429);
    Get("/iam/v1/apiKeyScopes", 429);
    Get("/iam/v1/apiKeyScopes", 200);
}

TEST_F(EmulatorTest, MalformedFaultsAreRefused) {
    for (const json& fault : {json{{"path", "/x"}, {"status", 503}, {"count", 0}},
                              json{{"path", "/x"}, {"status", 503}, {"count", "some"}},
                              json{{"path", "/x"}, {"latency_ms", 100}},
                              json{{"path", "/x"}, {"status", "503"}},
                              json{{"path", "/x"}, {"action", "explode"}},
                              json{{"path", "/x"}, {"action", "drop-after"}, {"status", 503}},
                              json{{"path", "/x"}, {"answerDelayMs", -1}},
                              json{{"path", "/x"}},
                              json{{"status", 503}},
                              json::array()}) {
        auto answer = client_->Post("/admin/faults", fault.dump(), "application/json");
        ASSERT_TRUE(answer);
        EXPECT_EQ(answer->status, 400) << fault.dump();
    }
}

}  // namespace
}  // namespace emulator::test
