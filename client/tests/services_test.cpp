// The service calls against a loopback fake that answers like Yandex Cloud's REST API.
#include <gtest/gtest.h>

#include <atomic>

#include "client/client.hpp"
#include "client/tests/fake_server.hpp"

namespace ycloud {
namespace {

using namespace std::chrono_literals;

class ServicesTest : public ::testing::Test {
protected:
    void SetUp() override {
        server_.Routes().Get("/endpoints", [this](const httplib::Request&, httplib::Response& response) {
            ++discoveries_;
            const auto self = "127.0.0.1:" + std::to_string(server_.Port());
            response.set_content(nlohmann::json{{"endpoints",
                                                 {{{"id", "iam"}, {"address", self}},
                                                  {{"id", "lockbox"}, {"address", self}},
                                                  {{"id", "lockbox-payload"}, {"address", self}},
                                                  {{"id", "operation"}, {"address", self}}}}}
                                     .dump(),
                                 "application/json");
        });
    }

    std::unique_ptr<Client> Start() {
        server_.Start();
        ClientConfig config;
        config.endpoint = "127.0.0.1:" + std::to_string(server_.Port());
        config.plaintext = true;
        config.max_retries = 1;
        config.credentials.token = SecretString("t1.test.token");
        config.user_agent = "terraform-provider-yandex/test";
        config.operation_poll_interval = 20ms;
        auto client = Client::Create(config);
        EXPECT_TRUE(client);
        return std::move(client).Value();
    }

    testing::FakeServer server_;
    std::atomic<int> discoveries_{0};
};

TEST_F(ServicesTest, CreateSendsCamelCaseFieldsAndReturnsTheSecret) {
    nlohmann::json sent;
    server_.Routes().Post("/iam/v1/apiKeys", [&](const httplib::Request& request, httplib::Response& response) {
        sent = nlohmann::json::parse(request.body);
        response.set_content(
            R"({"apiKey":{"id":"ajeabc","serviceAccountId":"ajesa","createdAt":"2025-03-03T16:29:04.709971428Z","scope":"yc.postbox.send","scopes":["yc.postbox.send"],"expiresAt":"2030-01-01T00:00:00Z"},"secret":"AQVN-secret"})",
            "application/json");
    });
    auto client = Start();
    CreateApiKeyRequest request;
    request.service_account_id = "ajesa";
    request.description = "for tests";
    request.scopes = {"yc.postbox.send"};
    request.expires_at = "2030-01-01T00:00:00Z";
    auto created = client->ApiKeys().Create(request, Context{});
    ASSERT_TRUE(created) << created.GetError().ToString();
    EXPECT_EQ(sent,
              (nlohmann::json{{"serviceAccountId", "ajesa"},
                              {"description", "for tests"},
                              {"scopes", {"yc.postbox.send"}},
                              {"expiresAt", "2030-01-01T00:00:00Z"}}));
    EXPECT_EQ(created.Value().api_key.id, "ajeabc");
    EXPECT_EQ(created.Value().api_key.scope, "yc.postbox.send");
    EXPECT_EQ(created.Value().secret.Reveal(), "AQVN-secret");
    EXPECT_EQ(discoveries_.load(), 1);
}

TEST_F(ServicesTest, UpdateMasksExactlyTheChangedFieldsAndClearsExpiry) {
    nlohmann::json sent;
    server_.Routes().Patch("/iam/v1/apiKeys/ajeabc", [&](const httplib::Request& request, httplib::Response& response) {
        sent = nlohmann::json::parse(request.body);
        response.set_content(R"({"id":"op1","done":false})", "application/json");
    });
    std::atomic<int> polls{0};
    server_.Routes().Get("/operations/op1", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(
            polls++ < 2 ? R"({"id":"op1","done":false})" : R"({"id":"op1","done":true,"response":{"id":"ajeabc"}})",
            "application/json");
    });
    auto client = Start();
    UpdateApiKeyRequest update;
    update.description = "new";
    update.expires_at = "";
    auto operation = client->ApiKeys().Update("ajeabc", update, Context{});
    ASSERT_TRUE(operation);
    EXPECT_EQ(sent, (nlohmann::json{{"updateMask", "description,expiresAt"}, {"description", "new"}}));
    auto done = client->Operations().Wait(operation.Value(), Context{});
    ASSERT_TRUE(done) << done.GetError().ToString();
    EXPECT_EQ(polls.load(), 3);
    EXPECT_EQ((*done.Value().response)["id"], "ajeabc");
}

TEST_F(ServicesTest, FailedOperationIsItsError) {
    server_.Routes().Delete("/iam/v1/apiKeys/ajeabc", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"({"id":"op2","done":true,"error":{"code":9,"message":"key is in use"}})",
                             "application/json");
    });
    auto client = Start();
    auto operation = client->ApiKeys().Delete("ajeabc", Context{});
    ASSERT_TRUE(operation);
    auto done = client->Operations().Wait(operation.Value(), Context{});
    ASSERT_FALSE(done);
    EXPECT_EQ(done.GetError().code, GrpcCode::kFailedPrecondition);
    EXPECT_NE(done.GetError().message.find("key is in use"), std::string::npos);
}

TEST_F(ServicesTest, OperationWaitStopsAtTheDeadline) {
    server_.Routes().Get("/operations/slow", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"({"id":"slow","done":false})", "application/json");
    });
    auto client = Start();
    Operation operation;
    operation.id = "slow";
    Context context;
    context.deadline = std::chrono::steady_clock::now() + 200ms;
    auto done = client->Operations().Wait(operation, context);
    ASSERT_FALSE(done);
    EXPECT_EQ(done.GetError().code, GrpcCode::kDeadlineExceeded);
}

TEST_F(ServicesTest, ListsFollowEveryPage) {
    server_.Routes().Get("/iam/v1/apiKeyScopes", [&](const httplib::Request& request, httplib::Response& response) {
        if (request.get_param_value("pageToken").empty()) {
            response.set_content(R"({"scopes":["yc.a","yc.b"],"nextPageToken":"p2"})", "application/json");
        } else {
            response.set_content(R"({"scopes":["yc.c"]})", "application/json");
        }
    });
    server_.Routes().Get("/iam/v1/apiKeys", [&](const httplib::Request& request, httplib::Response& response) {
        EXPECT_EQ(request.get_param_value("serviceAccountId"), "ajesa");
        response.set_content(R"({"apiKeys":[{"id":"k1"},{"id":"k2"}]})", "application/json");
    });
    auto client = Start();
    auto scopes = client->ApiKeys().ListScopes(Context{});
    ASSERT_TRUE(scopes);
    EXPECT_EQ(scopes.Value(), (std::vector<std::string>{"yc.a", "yc.b", "yc.c"}));
    auto keys = client->ApiKeys().List("ajesa", Context{});
    ASSERT_TRUE(keys);
    EXPECT_EQ(keys.Value().size(), 2U);
}

TEST_F(ServicesTest, NotFoundIsRecognisable) {
    server_.Routes().Get("/iam/v1/apiKeys/gone", [&](const httplib::Request&, httplib::Response& response) {
        response.status = 404;
        response.set_content(R"({"code":5,"message":"ApiKey gone not found"})", "application/json");
    });
    auto client = Start();
    auto key = client->ApiKeys().Get("gone", Context{});
    ASSERT_FALSE(key);
    EXPECT_TRUE(key.GetError().IsNotFound());
}

TEST_F(ServicesTest, LockboxVersionsAndPayloads) {
    nlohmann::json added;
    server_.Routes().Post(
        "/lockbox/v1/secrets/e6q:addVersion", [&](const httplib::Request& request, httplib::Response& response) {
            added = nlohmann::json::parse(request.body);
            response.set_content(
                R"({"id":"op3","done":true,"response":{"id":"v2","secretId":"e6q","status":"ACTIVE"}})",
                "application/json");
        });
    server_.Routes().Get(
        "/lockbox/v1/secrets/e6q/payload", [&](const httplib::Request& request, httplib::Response& response) {
            EXPECT_EQ(request.get_param_value("versionId"), "v2");
            response.set_content(
                R"({"versionId":"v2","entries":[{"key":"api","textValue":"AQVN"},{"key":"bin","binaryValue":"AAE="}]})",
                "application/json");
        });
    nlohmann::json scheduled;
    server_.Routes().Post("/lockbox/v1/secrets/e6q:scheduleVersionDestruction",
                          [&](const httplib::Request& request, httplib::Response& response) {
                              scheduled = nlohmann::json::parse(request.body);
                              response.set_content(R"({"id":"op4","done":true,"response":{}})", "application/json");
                          });
    auto client = Start();
    auto operation = client->Lockbox().AddVersion("e6q", {{"api", SecretString("AQVN")}}, "", Context{});
    ASSERT_TRUE(operation);
    EXPECT_EQ(added, (nlohmann::json{{"payloadEntries", {{{"key", "api"}, {"textValue", "AQVN"}}}}}));
    auto version = LockboxVersion::FromJson(*operation.Value().response);
    ASSERT_TRUE(version);
    EXPECT_EQ(version.Value().id, "v2");
    auto payload = client->Lockbox().GetPayload("e6q", "v2", Context{});
    ASSERT_TRUE(payload);
    EXPECT_EQ(payload.Value().text_entries.at("api").Reveal(), "AQVN");
    EXPECT_EQ(payload.Value().binary_entries_base64.at("bin"), "AAE=");
    ASSERT_TRUE(client->Lockbox().ScheduleVersionDestruction("e6q", "v2", "", Context{}));
    EXPECT_EQ(scheduled, (nlohmann::json{{"versionId", "v2"}}));
}

TEST_F(ServicesTest, OverridesSkipDiscovery) {
    server_.Routes().Get("/iam/v1/apiKeys/k", [&](const httplib::Request&, httplib::Response& response) {
        response.set_content(R"({"id":"k"})", "application/json");
    });
    server_.Start();
    ClientConfig config;
    config.endpoint = "127.0.0.1:1";  // nothing listens there
    config.overrides.iam = server_.Url();
    config.credentials.token = SecretString("t1.test.token");
    auto client = Client::Create(config);
    ASSERT_TRUE(client);
    EXPECT_TRUE(client.Value()->ApiKeys().Get("k", Context{}));
    EXPECT_EQ(discoveries_.load(), 0);
}

// An empty id names the collection, not a key: DELETE /iam/v1/apiKeys/ would answer NOT_FOUND,
// which reads as "already gone". Nothing is sent.
TEST_F(ServicesTest, EmptyIdsAreRefusedBeforeAnythingIsSent) {
    std::atomic<int> calls{0};
    server_.Routes().set_pre_routing_handler([&](const httplib::Request& request, httplib::Response&) {
        if (request.path != "/endpoints")
            ++calls;
        return httplib::Server::HandlerResponse::Unhandled;
    });
    auto client = Start();
    Context context;
    context.deadline = std::chrono::steady_clock::now() + 5s;
    const auto deleted = client->ApiKeys().Delete("", context);
    ASSERT_FALSE(deleted);
    EXPECT_EQ(deleted.GetError().code, GrpcCode::kInvalidArgument);
    EXPECT_FALSE(deleted.GetError().IsNotFound());
    EXPECT_NE(deleted.GetError().message.find("API key id is empty"), std::string::npos);
    EXPECT_FALSE(client->ApiKeys().Get("", context));
    EXPECT_FALSE(client->Lockbox().ScheduleVersionDestruction("e6qsecret", "", "", context));
    EXPECT_FALSE(client->Lockbox().GetPayload("", "", context));
    EXPECT_FALSE(client->Operations().Get("", context));
    EXPECT_EQ(calls.load(), 0);
}

}  // namespace
}  // namespace ycloud
