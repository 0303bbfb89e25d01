// One Client shared by many threads, as the provider shares it between Terraform's concurrent
// calls, while its IAM token keeps expiring: every call carries a token the cloud still accepts,
// the token is exchanged again as it runs out, and concurrent callers share each exchange. The
// ThreadSanitizer stage (scripts/sanitize thread) runs this test for the client's data races.
#include <gtest/gtest.h>
#include <time.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "client/client.hpp"
#include "client/tests/fake_server.hpp"

namespace ycloud {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

std::string Rfc3339(Clock::time_point time) {
    const std::time_t seconds = Clock::to_time_t(time);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

// IAM as a fake: each exchange issues a new token that expires 5 minutes and 1 second from now,
// so the client, which refreshes 5 minutes before expiry, has to exchange again within a second.
class ShortLivedTokens {
public:
    explicit ShortLivedTokens(testing::FakeServer& server) {
        server.Routes().Get("/endpoints", [&server](const httplib::Request&, httplib::Response& response) {
            const auto self = "127.0.0.1:" + std::to_string(server.Port());
            response.set_content(nlohmann::json{{"endpoints", {{{"id", "iam"}, {"address", self}}}}}.dump(),
                                 "application/json");
        });
        server.Routes().Post("/iam/v1/tokens", [this](const httplib::Request&, httplib::Response& response) {
            std::lock_guard lock(mutex_);
            const auto token = "t1.issued" + std::to_string(issued_.size()) + ".token";
            const auto expires_at = Clock::now() + 5min + 1s;
            issued_[token] = expires_at;
            response.set_content(nlohmann::json{{"iamToken", token}, {"expiresAt", Rfc3339(expires_at)}}.dump(),
                                 "application/json");
        });
        server.Routes().Get(
            R"(/iam/v1/apiKeys/([a-z0-9]+))", [this](const httplib::Request& request, httplib::Response& response) {
                ++calls_;
                if (!Accepts(request.get_header_value("Authorization"))) {
                    ++refused_;
                    response.status = 401;
                    response.set_content(R"({"code":16,"message":"expired or unknown token"})", "application/json");
                    return;
                }
                response.set_content(nlohmann::json{{"id", request.matches[1].str()}}.dump(), "application/json");
            });
    }

    [[nodiscard]] int Exchanges() {
        std::lock_guard lock(mutex_);
        return static_cast<int>(issued_.size());
    }
    [[nodiscard]] int Calls() const { return calls_; }
    [[nodiscard]] int Refused() const { return refused_; }

private:
    bool Accepts(const std::string& authorization) {
        std::lock_guard lock(mutex_);
        const std::string prefix = "Bearer ";
        if (authorization.rfind(prefix, 0) != 0)
            return false;
        const auto found = issued_.find(authorization.substr(prefix.size()));
        // Valid until its expiry; the client is meant to have moved on five minutes before it.
        return found != issued_.end() && Clock::now() < found->second;
    }

    std::mutex mutex_;
    std::map<std::string, Clock::time_point> issued_;
    std::atomic<int> calls_{0};
    std::atomic<int> refused_{0};
};

TEST(ClientConcurrency, ManyThreadsShareTheTokenWhileItKeepsExpiring) {
    testing::FakeServer server;
    ShortLivedTokens iam(server);
    server.Start();
    ClientConfig config;
    config.endpoint = "127.0.0.1:" + std::to_string(server.Port());
    config.plaintext = true;
    config.max_retries = 1;
    config.credentials.token = SecretString("y0_oauth-token-for-the-exchange");
    config.user_agent = "terraform-provider-yandex/test";
    auto created = Client::Create(config);
    ASSERT_TRUE(created) << created.GetError().ToString();
    auto& client = *created.Value();

    constexpr int kThreads = 8;
    const auto until = std::chrono::steady_clock::now() + 2500ms;
    std::atomic<int> failures{0};
    std::vector<std::thread> callers;
    for (int i = 0; i < kThreads; ++i) {
        callers.emplace_back([&, i] {
            const auto id = "aje" + std::to_string(i);
            while (std::chrono::steady_clock::now() < until) {
                Context context;
                context.deadline = std::chrono::steady_clock::now() + 10s;
                auto key = client.ApiKeys().Get(id, context);
                if (!key || key.Value().id != id)
                    ++failures;
            }
        });
    }
    for (auto& caller : callers)
        caller.join();

    EXPECT_EQ(failures, 0);
    EXPECT_EQ(iam.Refused(), 0) << "a call went out with an expired token";
    EXPECT_GE(iam.Exchanges(), 2) << "the token was refreshed as it ran out";
    // Each token serves for up to a second; callers that pile up at expiry share one exchange.
    EXPECT_LE(iam.Exchanges(), 10);
    EXPECT_GT(iam.Calls(), 4 * iam.Exchanges()) << "tokens are cached between exchanges";
}

}  // namespace
}  // namespace ycloud
