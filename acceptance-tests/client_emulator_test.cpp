// The REST client against the emulator: the client/emulator issue's acceptance points.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>
#include <thread>

#include "acceptance-tests/emulator/emulator.hpp"
#include "client/client.hpp"
#include "test_support/rsa_key.hpp"

namespace acceptance {

using test_support::GenerateRsaKeyPair;

namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr const char* kAccount = "ajeclientaccount0001";
constexpr const char* kOAuth = "y0_client-emulator-oauth-token";

class ClientAgainstEmulator : public testing::Test {
protected:
    ClientAgainstEmulator() : emulator_(emulator::Options{}) {
        port_ = emulator_.Start(0);
        admin_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
        Seed({{"serviceAccounts", {kAccount}},
              {"oauthTokens", {kOAuth}},
              {"lockboxSecrets", {{{"id", "e6qclientsecret"}, {"entries", {{"other", "value"}}}}}}});
    }

    void Seed(const json& seed) {
        ASSERT_EQ(admin_->Post("/admin/seed", seed.dump(), "application/json")->status, 200);
    }
    json State() { return json::parse(admin_->Get("/admin/state")->body); }
    void Fault(const json& fault) {
        ASSERT_EQ(admin_->Post("/admin/faults", fault.dump(), "application/json")->status, 200);
    }

    std::unique_ptr<ycloud::Client> Connect(ycloud::auth::CredentialsConfig credentials) {
        ycloud::ClientConfig config;
        config.endpoint = "127.0.0.1:" + std::to_string(port_);
        config.plaintext = true;
        config.max_retries = 3;
        config.credentials = std::move(credentials);
        config.user_agent = "terraform-provider-yandex/test";
        config.operation_poll_interval = 20ms;
        config.keybase_endpoint = "127.0.0.1:" + std::to_string(port_);
        auto client = ycloud::Client::Create(config);
        EXPECT_TRUE(client) << client.GetError().ToString();
        return std::move(client).Value();
    }

    std::unique_ptr<ycloud::Client> ConnectWithOAuth() {
        ycloud::auth::CredentialsConfig credentials;
        credentials.token = ycloud::SecretString(kOAuth);
        return Connect(credentials);
    }

    ycloud::CreateApiKeyRequest NewKey() {
        ycloud::CreateApiKeyRequest request;
        request.service_account_id = kAccount;
        return request;
    }

    emulator::Emulator emulator_;
    std::unique_ptr<httplib::Client> admin_;
    int port_ = 0;
};

TEST_F(ClientAgainstEmulator, CreateRetriedAfter503MakesExactlyOneKey) {
    auto client = ConnectWithOAuth();
    // The create is answered 503 once after the key exists... the emulator fails before
    // handling, so the retry must reach it with the same Idempotency-Key.
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"status", 503}, {"count", 1}});
    auto created = client->ApiKeys().Create(NewKey(), ycloud::Context{});
    ASSERT_TRUE(created) << created.GetError().ToString();
    const auto state = State();
    EXPECT_EQ(state["apiKeys"].size(), 1U);
    EXPECT_EQ(state["callCounts"]["POST /iam/v1/apiKeys"], 2);
    EXPECT_EQ(state["idempotencyKeys"].size(), 1U);
}

TEST_F(ClientAgainstEmulator, BadRequestIsReportedOnceNotRetried) {
    auto client = ConnectWithOAuth();
    auto request = NewKey();
    request.description = std::string(300, 'd');
    auto created = client->ApiKeys().Create(request, ycloud::Context{});
    ASSERT_FALSE(created);
    EXPECT_EQ(created.GetError().code, ycloud::GrpcCode::kInvalidArgument);
    EXPECT_FALSE(created.GetError().request_id.empty());
    EXPECT_EQ(State()["callCounts"]["POST /iam/v1/apiKeys"], 1);
}

TEST_F(ClientAgainstEmulator, OAuthTokenIsExchangedOncePerProcess) {
    auto client = ConnectWithOAuth();
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(client->ApiKeys().ListScopes(ycloud::Context{}));
        ASSERT_TRUE(client->ApiKeys().List(kAccount, ycloud::Context{}));
    }
    EXPECT_EQ(State()["callCounts"]["POST /iam/v1/tokens"], 1);
}

TEST_F(ClientAgainstEmulator, JwtFromAnAuthorizedKeyIsAcceptedAndAWrongSignatureRefused) {
    const auto real = GenerateRsaKeyPair();
    const auto other = GenerateRsaKeyPair();
    json authorized_key = {
        {"id", "ajekeyclient00000001"}, {"serviceAccountId", kAccount}, {"publicKey", real.public_pem}};
    Seed({{"authorizedKeys", json::array({authorized_key})}});
    const auto key_file = [](const std::string& private_pem) {
        return json{{"id", "ajekeyclient00000001"},
                    {"service_account_id", kAccount},
                    {"private_key",
                     "PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID ajekeyclient00000001\n" + private_pem}}
            .dump();
    };
    ycloud::auth::CredentialsConfig good;
    good.service_account_key = ycloud::SecretString(key_file(real.private_pem));
    EXPECT_TRUE(Connect(good)->ApiKeys().ListScopes(ycloud::Context{}));

    ycloud::auth::CredentialsConfig forged;
    forged.service_account_key = ycloud::SecretString(key_file(other.private_pem));
    auto refused = Connect(forged)->ApiKeys().ListScopes(ycloud::Context{});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.GetError().code, ycloud::GrpcCode::kUnauthenticated);
}

TEST_F(ClientAgainstEmulator, LifecycleAndLockboxRoundTrip) {
    auto client = ConnectWithOAuth();
    auto created = client->ApiKeys().Create(NewKey(), ycloud::Context{});
    ASSERT_TRUE(created);
    const auto id = created.Value().api_key.id;
    ycloud::UpdateApiKeyRequest update;
    update.description = "changed";
    auto operation = client->ApiKeys().Update(id, update, ycloud::Context{});
    ASSERT_TRUE(operation);
    ASSERT_TRUE(client->Operations().Wait(operation.Value(), ycloud::Context{}));
    EXPECT_EQ(client->ApiKeys().Get(id, ycloud::Context{}).Value().description, "changed");

    auto added =
        client->Lockbox().AddVersion("e6qclientsecret", {{"api_key", created.Value().secret}}, "", ycloud::Context{});
    ASSERT_TRUE(added);
    auto done = client->Operations().Wait(added.Value(), ycloud::Context{});
    ASSERT_TRUE(done);
    const auto version = ycloud::LockboxVersion::FromJson(*done.Value().response).Value();
    auto payload = client->Lockbox().GetPayload("e6qclientsecret", version.id, ycloud::Context{});
    ASSERT_TRUE(payload);
    EXPECT_TRUE(payload.Value().text_entries.at("api_key") == created.Value().secret) << "values not shown";
    EXPECT_EQ(payload.Value().text_entries.at("other").Reveal(), "value");

    auto deleted = client->ApiKeys().Delete(id, ycloud::Context{});
    ASSERT_TRUE(deleted);
    ASSERT_TRUE(client->Operations().Wait(deleted.Value(), ycloud::Context{}));
    EXPECT_TRUE(client->ApiKeys().Get(id, ycloud::Context{}).GetError().IsNotFound());
}

TEST_F(ClientAgainstEmulator, KeybaseLookupGivesTheUsersArmoredKeyOrNotFound) {
    const std::string armored =
        "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxsBNBGZ...\n-----END PGP PUBLIC KEY BLOCK-----\n";
    Seed({{"keybaseUsers", {{"alice_1", armored}}}});
    auto client = ConnectWithOAuth();
    auto found = client->Keybase().PrimaryPublicKey("alice_1", ycloud::Context{});
    ASSERT_TRUE(found) << found.GetError().ToString();
    EXPECT_EQ(found.Value(), armored);
    auto missing = client->Keybase().PrimaryPublicKey("bob", ycloud::Context{});
    ASSERT_FALSE(missing);
    EXPECT_TRUE(missing.GetError().IsNotFound());
    EXPECT_NE(missing.GetError().message.find("\"bob\""), std::string::npos) << missing.GetError().message;
}

TEST_F(ClientAgainstEmulator, NoSecretReachesTheLogsAtTraceLevel) {
    std::ostringstream captured;
    auto previous = spdlog::default_logger();
    auto logger =
        std::make_shared<spdlog::logger>("capture", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);

    auto client = ConnectWithOAuth();
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"status", 503}, {"count", 1}});
    auto created = client->ApiKeys().Create(NewKey(), ycloud::Context{});
    ASSERT_TRUE(created);
    auto added =
        client->Lockbox().AddVersion("e6qclientsecret", {{"k", created.Value().secret}}, "", ycloud::Context{});
    ASSERT_TRUE(added);
    ASSERT_TRUE(client->Lockbox().GetPayload("e6qclientsecret", "", ycloud::Context{}));
    spdlog::set_default_logger(previous);

    const auto log = captured.str();
    EXPECT_NE(log.find("POST /iam/v1/apiKeys"), std::string::npos) << "the calls were logged";
    EXPECT_EQ(log.find(kOAuth), std::string::npos);
    EXPECT_EQ(log.find("t1."), std::string::npos) << "no IAM token";
    EXPECT_EQ(log.find(std::string(created.Value().secret.Reveal())), std::string::npos);
}

// What the client knows about a call that failed before any answer: nothing reached the server.
TEST_F(ClientAgainstEmulator, NothingIsSentAfterAStop) {
    auto client = ConnectWithOAuth();
    std::stop_source stop;
    stop.request_stop();
    ycloud::Context context;
    context.stop = stop.get_token();
    auto created = client->ApiKeys().Create(NewKey(), context);
    ASSERT_FALSE(created);
    EXPECT_EQ(created.GetError().delivery, ycloud::Delivery::kNotSent);
    EXPECT_EQ(State()["apiKeysCreated"], 0);
}

TEST_F(ClientAgainstEmulator, AnEndpointWithNothingListeningIsUnreachable) {
    ycloud::ClientConfig config;
    config.endpoint = "127.0.0.1:1";
    config.plaintext = true;
    config.max_retries = 0;
    config.credentials.token = ycloud::SecretString("t1.static.token");
    auto client = ycloud::Client::Create(config);
    ASSERT_TRUE(client);
    auto checked = client.Value()->CheckCredentials(ycloud::Context{});
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.GetError().delivery, ycloud::Delivery::kUnreachable);
}

TEST_F(ClientAgainstEmulator, AnIamTokenIsProvenAtConfiguration) {
    ycloud::auth::CredentialsConfig credentials;
    credentials.token = ycloud::SecretString("t1.not.seeded");
    auto checked = Connect(credentials)->CheckCredentials(ycloud::Context{});
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.GetError().code, ycloud::GrpcCode::kUnauthenticated);
    Seed({{"iamTokens", {"t1.now.seeded"}}});
    credentials.token = ycloud::SecretString("t1.now.seeded");
    EXPECT_TRUE(Connect(credentials)->CheckCredentials(ycloud::Context{}));
}

// A create whose answer comes after the caller's deadline is asked again with the same
// Idempotency-Key: the caller learns the key that was made, and only one exists.
TEST_F(ClientAgainstEmulator, ACreateWhoseAnswerIsLateIsRecovered) {
    auto client = ConnectWithOAuth();
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"answerDelayMs", 1500}});
    ycloud::Context context;
    context.deadline = std::chrono::steady_clock::now() + 300ms;
    auto created = client->ApiKeys().Create(NewKey(), context);
    ASSERT_TRUE(created) << created.GetError().ToString();
    const auto state = State();
    EXPECT_EQ(state["apiKeysCreated"], 1);
    ASSERT_EQ(state["apiKeys"].size(), 1U);
    EXPECT_EQ(state["apiKeys"][0]["id"], created.Value().api_key.id);
    EXPECT_EQ(state["idempotencyKeys"].size(), 1U) << "asked again with the same key";
}

// A lost answer makes the outcome unknown for good: later attempts that are refused (503 here)
// do not end the call, which asks again until the first answer is learnt.
TEST_F(ClientAgainstEmulator, ACreateLostThenRefusedIsStillRecovered) {
    auto client = ConnectWithOAuth();
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"action", "drop-after"}});
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"status", 503}, {"count", 4}});
    auto created = client->ApiKeys().Create(NewKey(), ycloud::Context{});
    ASSERT_TRUE(created) << created.GetError().ToString();
    const auto state = State();
    EXPECT_EQ(state["apiKeysCreated"], 1);
    ASSERT_EQ(state["apiKeys"].size(), 1U);
    EXPECT_EQ(state["apiKeys"][0]["id"], created.Value().api_key.id);
    EXPECT_EQ(state["callCounts"]["POST /iam/v1/apiKeys"], 6) << "1 lost, 3 retries refused, then recovery";
}

// The same after a stop (Terraform's StopProvider) while the create was in flight.
TEST_F(ClientAgainstEmulator, ACreateInFlightWhenStoppedIsRecovered) {
    auto client = ConnectWithOAuth();
    Fault({{"method", "POST"}, {"path", "/iam/v1/apiKeys"}, {"latencyMs", 1000}});
    std::stop_source stop;
    ycloud::Context context;
    context.stop = stop.get_token();
    std::thread stopper([&] {
        std::this_thread::sleep_for(200ms);
        stop.request_stop();
    });
    auto created = client->ApiKeys().Create(NewKey(), context);
    stopper.join();
    ASSERT_TRUE(created) << created.GetError().ToString();
    EXPECT_EQ(State()["apiKeysCreated"], 1);
}

// Calls that create nothing to record keep to their deadline: a late delete is an error.
TEST_F(ClientAgainstEmulator, OtherCallsKeepToTheirDeadline) {
    auto client = ConnectWithOAuth();
    auto created = client->ApiKeys().Create(NewKey(), ycloud::Context{});
    ASSERT_TRUE(created);
    Fault({{"method", "DELETE"}, {"path", "/iam/v1/apiKeys/*"}, {"answerDelayMs", 1500}});
    ycloud::Context context;
    context.deadline = std::chrono::steady_clock::now() + 300ms;
    const auto started = std::chrono::steady_clock::now();
    auto deleted = client->ApiKeys().Delete(created.Value().api_key.id, context);
    ASSERT_FALSE(deleted);
    EXPECT_EQ(deleted.GetError().delivery, ycloud::Delivery::kAnswerLost);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

}  // namespace
}  // namespace acceptance
