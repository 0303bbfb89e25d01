// The emulator over HTTP, as any client sees it.
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"
#include "acceptance-tests/emulator/timestamp.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;

TEST_F(EmulatorTest, EveryApiCallNeedsABearerToken) {
    auto anonymous = client_->Get("/iam/v1/apiKeys/x");
    ASSERT_TRUE(anonymous);
    EXPECT_EQ(anonymous->status, 401);
    auto wrong = client_->Get("/iam/v1/apiKeys/x", httplib::Headers{{"Authorization", "Bearer t1.not.issued"}});
    EXPECT_EQ(wrong->status, 401);
    const auto error = json::parse(wrong->body);
    EXPECT_EQ(error["code"], 16);
    EXPECT_EQ(error["details"][0]["@type"], "type.googleapis.com/google.rpc.RequestInfo");
}

TEST_F(EmulatorTest, OAuthTokensExchangeForWorkingIamTokens) {
    const auto token = Post("/iam/v1/tokens", {{"yandexPassportOauthToken", kOAuth}}, 200, {{"X", "y"}});
    ASSERT_TRUE(token.contains("iamToken"));
    EXPECT_EQ(token["iamToken"].get<std::string>().rfind("t1.", 0), 0U);
    auto answer = client_->Get("/iam/v1/apiKeyScopes",
                               httplib::Headers{{"Authorization", "Bearer " + token["iamToken"].get<std::string>()}});
    EXPECT_EQ(answer->status, 200);
    Post("/iam/v1/tokens", {{"yandexPassportOauthToken", "y0_unknown"}}, 401, {{"X", "y"}});
    Post("/iam/v1/tokens", {{"yandexPassportOauthToken", kOAuth}, {"jwt", "x"}}, 400, {{"X", "y"}});
}

TEST_F(EmulatorTest, CreateFillsDefaultsAndTheDeprecatedScope) {
    const auto plain = CreateKey();
    EXPECT_EQ(plain["apiKey"]["scopes"].size(), 10U) << "the documented default scopes";
    EXPECT_FALSE(plain["apiKey"].contains("scope"));
    EXPECT_EQ(plain["secret"].get<std::string>().rfind("AQVN", 0), 0U);
    EXPECT_EQ(plain["apiKey"]["id"].get<std::string>().size(), 20U);

    const auto single = CreateKey({{"scopes", {"yc.postbox.send"}}});
    EXPECT_EQ(single["apiKey"]["scope"], "yc.postbox.send");
    const auto deprecated = CreateKey({{"scope", "yc.monitoring.read"}});
    EXPECT_EQ(deprecated["apiKey"]["scopes"], json({"yc.monitoring.read"}));
}

TEST_F(EmulatorTest, ExpiryWithAnOffsetIsStoredInUtc) {
    const auto key = CreateKey({{"expiresAt", "2099-11-12T01:33:44+03:00"}});
    EXPECT_EQ(key["apiKey"]["expiresAt"], "2099-11-11T22:33:44Z");
}

TEST_F(EmulatorTest, LimitsAreEnforced) {
    const auto check = [this](const json& extra, int status, const std::string& part) {
        json body = {{"serviceAccountId", kAccount}};
        body.update(extra);
        const auto error = Post("/iam/v1/apiKeys", body, status);
        EXPECT_NE(error["message"].get<std::string>().find(part), std::string::npos) << error.dump();
    };
    check({{"description", std::string(257, 'd')}}, 400, "description");
    check({{"scopes", {"yc.not.a.scope"}}}, 400, "unknown scope");
    check({{"scopes", {"yc.postbox.send", "yc.postbox.send"}}}, 400, "duplicate");
    check({{"expiresAt", "2106-01-01T00:00:00Z"}}, 400, "2105-12-31");
    check({{"expiresAt", "tomorrow"}}, 400, "RFC 3339");
    check({{"serviceAccountId", "ajenosuchaccount0000"}}, 404, "not found");
    check({{"colour", "blue"}}, 400, "Unknown field \"colour\"");
}

TEST_F(EmulatorTest, UpdateFollowsTheMaskAndClearsAnOmittedField) {
    const auto created = CreateKey({{"description", "old"}, {"expiresAt", "2099-01-01T00:00:00Z"}});
    const auto id = created["apiKey"]["id"].get<std::string>();
    auto result = client_->Patch(("/iam/v1/apiKeys/" + id).c_str(),
                                 Auth(),
                                 json{{"updateMask", "description,expiresAt"}, {"description", "new"}}.dump(),
                                 "application/json");
    ASSERT_EQ(result->status, 200) << result->body;
    const auto operation = json::parse(result->body);
    EXPECT_TRUE(operation["done"].get<bool>());
    EXPECT_EQ(operation["metadata"]["apiKeyId"], id);
    const auto key = Get("/iam/v1/apiKeys/" + id);
    EXPECT_EQ(key["description"], "new");
    EXPECT_FALSE(key.contains("expiresAt")) << "in the mask but absent: reset";
    auto bad_mask =
        client_->Patch(("/iam/v1/apiKeys/" + id).c_str(), Auth(), R"({"updateMask":"name"})", "application/json");
    EXPECT_EQ(bad_mask->status, 400);
}

TEST_F(EmulatorTest, DeleteAndListAndPages) {
    for (int i = 0; i < 3; ++i)
        CreateKey();
    const auto first = Get(std::string("/iam/v1/apiKeys?serviceAccountId=") + kAccount + "&pageSize=2");
    ASSERT_EQ(first["apiKeys"].size(), 2U);
    const auto second = Get(std::string("/iam/v1/apiKeys?serviceAccountId=") + kAccount +
                            "&pageSize=2&pageToken=" + first["nextPageToken"].get<std::string>());
    ASSERT_EQ(second["apiKeys"].size(), 1U);
    const auto id = second["apiKeys"][0]["id"].get<std::string>();
    auto deleted = client_->Delete(("/iam/v1/apiKeys/" + id).c_str(), Auth());
    ASSERT_EQ(deleted->status, 200);
    Get("/iam/v1/apiKeys/" + id, 404);
}

TEST_F(EmulatorTest, IdempotencyKeyReplaysTheFirstAnswer) {
    auto headers = Auth();
    headers.emplace("Idempotency-Key", "5f0c7e5e-0000-4000-8000-000000000001");
    const auto first = Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 200, headers);
    const auto again = Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 200, headers);
    EXPECT_EQ(first, again);
    const auto state = json::parse(client_->Get("/admin/state")->body);
    EXPECT_EQ(state["apiKeys"].size(), 1U);
    EXPECT_EQ(state["callCounts"]["POST /iam/v1/apiKeys"], 2);
    EXPECT_FALSE(state.dump().find(first["secret"].get<std::string>()) != std::string::npos) << "no secret in state";
}

TEST_F(EmulatorTest, ProbeProvesASecretWorks) {
    const auto key = CreateKey({{"scopes", {"yc.postbox.send"}}});
    const auto secret = key["secret"].get<std::string>();
    auto ok = client_->Get("/probe?scope=yc.postbox.send", httplib::Headers{{"Authorization", "Api-Key " + secret}});
    EXPECT_EQ(ok->status, 200);
    auto other_scope =
        client_->Get("/probe?scope=yc.monitoring.read", httplib::Headers{{"Authorization", "Api-Key " + secret}});
    EXPECT_EQ(other_scope->status, 403);
    auto wrong = client_->Get("/probe", httplib::Headers{{"Authorization", "Api-Key AQVNwrong"}});
    EXPECT_EQ(wrong->status, 401);
    EXPECT_TRUE(Get("/iam/v1/apiKeys/" + key["apiKey"]["id"].get<std::string>()).contains("lastUsedAt"));
}

TEST_F(EmulatorTest, LockboxVersionsCarryEntriesOverAndCanBeScheduledForDestruction) {
    const auto operation = Post("/lockbox/v1/secrets/e6qsecret:addVersion",
                                {{"payloadEntries", {{{"key", "api_key"}, {"textValue", "AQVN-x"}}}}},
                                200);
    const auto version = operation["response"]["id"].get<std::string>();
    const auto payload = Get("/lockbox/v1/secrets/e6qsecret/payload?versionId=" + version);
    ASSERT_EQ(payload["entries"].size(), 2U) << "the base version's entry is carried over";
    EXPECT_EQ(payload["entries"][0], (json{{"key", "api_key"}, {"textValue", "AQVN-x"}}));
    EXPECT_EQ(payload["entries"][1], (json{{"key", "existing"}, {"textValue", "kept"}}));
    Post("/lockbox/v1/secrets/e6qsecret:scheduleVersionDestruction", {{"versionId", version}}, 200);
    const auto versions = Get("/lockbox/v1/secrets/e6qsecret/versions");
    EXPECT_EQ(versions["versions"][1]["status"], "SCHEDULED_FOR_DESTRUCTION");
    Post("/lockbox/v1/secrets/e6qsecret:addVersion",
         {{"payloadEntries", {{{"key", "bad key!"}, {"textValue", "x"}}}}},
         400);
}

TEST_F(EmulatorTest, FaultsReturnStatusesThenClear) {
    ASSERT_EQ(client_
                  ->Post("/admin/faults",
                         R"({"method":"POST","path":"/iam/v1/apiKeys","status":503,"count":2})",
                         "application/json")
                  ->status,
              200);
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 503);
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 503);
    CreateKey();
    client_->Post("/admin/faults", R"({"path":"/iam/v1/apiKeyScopes","action":"drop"})", "application/json");
    auto dropped = client_->Get("/iam/v1/apiKeyScopes", Auth());
    EXPECT_TRUE(!dropped || dropped->body.size() < 64) << "the connection breaks before a full answer";
}

Options WithOperationDelay(int milliseconds) {
    Options options;
    options.operation_delay_ms = milliseconds;
    return options;
}

class DelayedOperations : public EmulatorTest {
protected:
    DelayedOperations() : EmulatorTest(WithOperationDelay(150)) {}
};

TEST_F(DelayedOperations, CompleteAfterTheDelay) {
    const auto id = CreateKey()["apiKey"]["id"].get<std::string>();
    auto result = client_->Delete(("/iam/v1/apiKeys/" + id).c_str(), Auth());
    const auto operation = json::parse(result->body);
    EXPECT_FALSE(operation["done"].get<bool>());
    EXPECT_EQ(operation["modifiedAt"], operation["createdAt"]);
    EXPECT_FALSE(Get("/operations/" + operation["id"].get<std::string>())["done"].get<bool>());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto done = Get("/operations/" + operation["id"].get<std::string>());
    EXPECT_TRUE(done["done"].get<bool>());
    // Done 150 ms after it started: that is when it last changed.
    const auto created = ParseRfc3339(operation["createdAt"].get<std::string>());
    const auto modified = ParseRfc3339(done["modifiedAt"].get<std::string>());
    ASSERT_TRUE(created && modified) << done.dump();
    EXPECT_EQ(*modified, PlusMilliseconds(*created, 150));
}

TEST(EmulatorPersistence, StateSurvivesARestart) {
    const auto path =
        (std::filesystem::temp_directory_path() / ("state-" + std::to_string(getpid()) + ".json")).string();
    std::filesystem::remove(path);
    std::string id;
    {
        Options options;
        options.state_file = path;
        Emulator server(options);
        const int port = server.Start(0);
        httplib::Client client("127.0.0.1", port);
        client.Post("/admin/seed", Seed().dump(), "application/json");
        auto created = client.Post("/iam/v1/apiKeys",
                                   httplib::Headers{{"Authorization", std::string("Bearer ") + kStaticToken}},
                                   json{{"serviceAccountId", kAccount}}.dump(),
                                   "application/json");
        id = json::parse(created->body)["apiKey"]["id"].get<std::string>();
    }
    Options options;
    options.state_file = path;
    Emulator restarted(options);
    httplib::Client client("127.0.0.1", restarted.Start(0));
    const auto state = json::parse(client.Get("/admin/state")->body);
    ASSERT_EQ(state["apiKeys"].size(), 1U);
    EXPECT_EQ(state["apiKeys"][0]["id"], id);
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace emulator::test
