// Idempotency-Key: one effect per key, however the attempts overlap, as a real server with
// idempotency keys does.
#include <future>
#include <vector>

#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class Idempotency : public EmulatorTest {
protected:
    // A create with the key from a client and thread of its own.
    std::future<httplib::Result> CreateInBackground(const std::string& key, const std::string& description) {
        return std::async(std::launch::async, [this, key, description] {
            const json body = {{"serviceAccountId", kAccount}, {"description", description}};
            return NewClient()->Post("/iam/v1/apiKeys", AuthWithIdempotencyKey(key), body.dump(), "application/json");
        });
    }

    int CreateCalls() { return State()["callCounts"].value("POST /iam/v1/apiKeys", 0); }
};

TEST_F(Idempotency, ARetryWhileTheFirstAttemptIsStillHandledWaitsForItAndGetsItsAnswer) {
    const std::string key = "5f0c7e5e-0000-4000-8000-0000000000a1";
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"latencyMs", 400}, {"count", 1}});
    auto first = CreateInBackground(key, "first attempt");
    // Counted on arrival, before its latency: from here on the server is handling it.
    ASSERT_TRUE(WaitUntil([this] { return CreateCalls() == 1; }));

    // The retry carries a different description only to tell whose handler ran.
    const auto retry = Post("/iam/v1/apiKeys",
                            {{"serviceAccountId", kAccount}, {"description", "retry"}},
                            200,
                            AuthWithIdempotencyKey(key));
    const auto first_result = first.get();
    ASSERT_TRUE(first_result);
    ASSERT_EQ(first_result->status, 200) << first_result->body;
    EXPECT_EQ(json::parse(first_result->body), retry) << "the retry gets the first attempt's answer";
    EXPECT_EQ(retry["apiKey"]["description"], "first attempt") << "the first attempt's effect, not a second one";
    const auto state = State();
    EXPECT_EQ(state["apiKeys"].size(), 1U);
    EXPECT_EQ(state["apiKeysCreated"], 1);
}

TEST_F(Idempotency, ConcurrentAttemptsWithOneKeyHaveOneEffect) {
    std::vector<std::future<httplib::Result>> attempts;
    for (int i = 0; i < 6; ++i)
        attempts.push_back(CreateInBackground("5f0c7e5e-0000-4000-8000-0000000000a2", "same"));
    std::vector<std::string> answers;
    for (auto& attempt : attempts) {
        const auto result = attempt.get();
        ASSERT_TRUE(result);
        ASSERT_EQ(result->status, 200) << result->body;
        answers.push_back(result->body);
    }
    for (const auto& answer : answers)
        EXPECT_EQ(answer, answers.front());
    EXPECT_EQ(State()["apiKeysCreated"], 1);
}

TEST_F(Idempotency, OnlyASuccessIsRemembered) {
    const auto headers = AuthWithIdempotencyKey("5f0c7e5e-0000-4000-8000-0000000000a3");
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"status", 503}, {"count", 1}});
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 503, headers);
    Post("/iam/v1/apiKeys", {{"serviceAccountId", "ajenosuchaccount0000"}}, 404, headers);
    const auto created = Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 200, headers);
    EXPECT_EQ(Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 200, headers), created);
    EXPECT_EQ(State()["apiKeysCreated"], 1);
}

TEST_F(Idempotency, AKeyIsRememberedPerMethodAndPath) {
    const auto headers = AuthWithIdempotencyKey("5f0c7e5e-0000-4000-8000-0000000000a4");
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 200, headers);
    const auto version = Post("/lockbox/v1/secrets/e6qsecret:addVersion",
                              {{"payloadEntries", {{{"key", "k"}, {"textValue", "v"}}}}},
                              200,
                              headers);
    EXPECT_TRUE(version["response"].contains("id")) << "a new version, not the key's answer";
}

}  // namespace
}  // namespace emulator::test
