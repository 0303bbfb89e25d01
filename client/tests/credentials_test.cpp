#include "client/auth/credentials.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "client/auth/token_sources.hpp"
#include "client/tests/fake_server.hpp"

namespace ycloud::auth {
namespace {

using namespace std::chrono_literals;

class CredentialsTest : public ::testing::Test {
protected:
    CredentialsTest()
        : transport_(http::TransportOptions{"test", true, 1s, 5s, {}}),
          rest_(transport_, RetryPolicy{1, 10ms, 20ms}, nullptr) {
        server_.Routes().Post("/iam/v1/tokens", [this](const httplib::Request& request, httplib::Response& response) {
            ++exchanges_;
            last_body_ = request.body;
            std::this_thread::sleep_for(20ms);  // long enough for concurrent callers to pile up
            response.set_content(R"({"iamToken":"t1.exchanged.token","expiresAt":"2099-01-01T00:00:00.123456Z"})",
                                 "application/json");
        });
    }

    Result<std::unique_ptr<TokenSource>> Make(CredentialsConfig config) {
        server_.Start();
        return MakeTokenSource(
            config, rest_, [this](const Context&) -> Result<std::string> { return server_.Url("/iam/v1/tokens"); });
    }

    testing::FakeServer server_;
    std::atomic<int> exchanges_{0};
    std::string last_body_;
    http::CurlTransport transport_;
    RestClient rest_;
};

TEST_F(CredentialsTest, OAuthTokenIsExchangedOnceHoweverManyCallsFollow) {
    CredentialsConfig config;
    config.token = SecretString("y0_AgAAAAB-oauth-token");
    auto source = Make(config);
    ASSERT_TRUE(source);
    std::vector<std::thread> callers;
    for (int i = 0; i < 8; ++i) {
        callers.emplace_back([&] {
            for (int j = 0; j < 10; ++j) {
                auto token = source.Value()->IamToken(Context{});
                ASSERT_TRUE(token);
                EXPECT_EQ(token.Value().Reveal(), "t1.exchanged.token");
            }
        });
    }
    for (auto& caller : callers)
        caller.join();
    EXPECT_EQ(exchanges_.load(), 1);
    EXPECT_NE(last_body_.find("yandexPassportOauthToken"), std::string::npos);
}

TEST_F(CredentialsTest, IamTokenIsUsedAsIs) {
    CredentialsConfig config;
    config.token = SecretString("t1.9euelZrLkZ.AbCdEf");
    auto source = Make(config);
    ASSERT_TRUE(source);
    EXPECT_EQ(source.Value()->IamToken(Context{}).Value().Reveal(), "t1.9euelZrLkZ.AbCdEf");
    EXPECT_EQ(exchanges_.load(), 0);
}

TEST_F(CredentialsTest, NothingConfiguredAndNoMetadataGivesTheOfficialError) {
    CredentialsConfig config;
    config.metadata_token_url = "http://127.0.0.1:1/computeMetadata/v1/instance/service-accounts/default/token";
    auto source = Make(config);
    ASSERT_TRUE(source);
    auto token = source.Value()->IamToken(Context{});
    ASSERT_FALSE(token);
    EXPECT_EQ(token.GetError().message, kNoCredentialsMessage);
}

TEST_F(CredentialsTest, MetadataServiceTokenIsUsedWhenNothingElseIsGiven) {
    server_.Routes().Get("/computeMetadata/v1/instance/service-accounts/default/token",
                         [](const httplib::Request& request, httplib::Response& response) {
                             if (request.get_header_value("Metadata-Flavor") != "Google") {
                                 response.status = 403;
                                 return;
                             }
                             response.set_content(
                                 R"({"access_token":"t1.from.metadata","expires_in":3600,"token_type":"Bearer"})",
                                 "application/json");
                         });
    CredentialsConfig config;
    config.metadata_token_url = "";
    server_.Start();
    config.metadata_token_url = server_.Url("/computeMetadata/v1/instance/service-accounts/default/token");
    auto source = MakeTokenSource(config, rest_, [](const Context&) -> Result<std::string> { return std::string(); });
    ASSERT_TRUE(source);
    auto token = source.Value()->IamToken(Context{});
    ASSERT_TRUE(token) << token.GetError().ToString();
    EXPECT_EQ(token.Value().Reveal(), "t1.from.metadata");
}

TEST(CachingTokenSource, RefreshesBeforeExpiryAndKeepsAValidTokenOnFailure) {
    auto now = SystemClock::from_time_t(1'000'000);
    int fetches = 0;
    bool fail = false;
    CachingTokenSource source(
        [&](const Context&) -> Result<IamToken> {
            ++fetches;
            if (fail) {
                Error error;
                error.message = "IAM is down";
                return error;
            }
            return IamToken{SecretString("t1.n." + std::to_string(fetches)), now + 12h};
        },
        [&] { return now; });
    EXPECT_EQ(source.IamToken(Context{}).Value().Reveal(), "t1.n.1");
    now += 59min;
    EXPECT_EQ(source.IamToken(Context{}).Value().Reveal(), "t1.n.1");
    now += 2min;  // an hour after fetching: time for a new one
    EXPECT_EQ(source.IamToken(Context{}).Value().Reveal(), "t1.n.2");
    fail = true;
    now += 2h;
    EXPECT_EQ(source.IamToken(Context{}).Value().Reveal(), "t1.n.2") << "still valid, so still used";
    now += 11h;
    EXPECT_FALSE(source.IamToken(Context{})) << "expired and no new one";
}

TEST(LooksLikeIamToken, NeedsThePrefixAndTwoDots) {
    EXPECT_TRUE(LooksLikeIamToken("t1.abc.def"));
    EXPECT_FALSE(LooksLikeIamToken("t1.abc"));
    EXPECT_FALSE(LooksLikeIamToken("y0_AgAAAA.x.y"));
}

}  // namespace
}  // namespace ycloud::auth
