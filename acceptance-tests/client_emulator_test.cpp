// The REST client against the emulator: the client/emulator issue's acceptance points.
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "acceptance-tests/emulator/emulator.hpp"
#include "acceptance-tests/support/rsa_key.hpp"
#include "client/client.hpp"

namespace acceptance {
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

}  // namespace
}  // namespace acceptance
