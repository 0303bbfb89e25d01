// /admin/state's peakApiKeys and apiKeysCreated, which no-orphan tests read: in process, and
// through EmulatorProcess with the built binary.
#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"
#include "acceptance-tests/support/emulator_process.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;

TEST_F(EmulatorTest, CountsKeysCreatedAndTheMostHeldAtOnce) {
    auto state = State();
    EXPECT_EQ(state["peakApiKeys"], 0);
    EXPECT_EQ(state["apiKeysCreated"], 0);

    std::vector<std::string> ids;
    for (int i = 0; i < 3; ++i)
        ids.push_back(CreateKey()["apiKey"]["id"].get<std::string>());
    ASSERT_EQ(client_->Delete(("/iam/v1/apiKeys/" + ids[0]).c_str(), Auth())->status, 200);
    ASSERT_EQ(client_->Delete(("/admin/apiKeys/" + ids[1]).c_str())->status, 200);
    CreateKey();
    const auto headers = AuthWithIdempotencyKey("5f0c7e5e-0000-4000-8000-0000000000c1");
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 200, headers);
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}}, 200, headers);  // replayed: no new key
    Post("/iam/v1/apiKeys", {{"serviceAccountId", "ajenosuchaccount0000"}}, 404);
    state = State();
    EXPECT_EQ(state["apiKeys"].size(), 3U);
    EXPECT_EQ(state["peakApiKeys"], 3) << "3 at once, twice";
    EXPECT_EQ(state["apiKeysCreated"], 5);

    CreateKey();
    state = State();
    EXPECT_EQ(state["peakApiKeys"], 4);
    EXPECT_EQ(state["apiKeysCreated"], 6);
}

TEST(EmulatorProcessCounters, ReportPeakAndCreatedKeys) {
    acceptance::EmulatorProcess emulator;
    EXPECT_EQ(emulator.PeakApiKeys(), 0);
    EXPECT_EQ(emulator.ApiKeysCreated(), 0);
    httplib::Client client("127.0.0.1", emulator.Port());
    const json exchange = {{"yandexPassportOauthToken", acceptance::EmulatorProcess::kOAuthToken}};
    const auto token = json::parse(client.Post("/iam/v1/tokens", exchange.dump(), "application/json")->body);
    const httplib::Headers auth = {{"Authorization", "Bearer " + token["iamToken"].get<std::string>()}};
    const json create = {{"serviceAccountId", acceptance::EmulatorProcess::kServiceAccount}};
    std::string first_id;
    for (int i = 0; i < 2; ++i) {
        auto created = client.Post("/iam/v1/apiKeys", auth, create.dump(), "application/json");
        ASSERT_EQ(created->status, 200);
        if (i == 0)
            first_id = json::parse(created->body)["apiKey"]["id"].get<std::string>();
    }
    emulator.DeleteKey(first_id);
    EXPECT_EQ(emulator.PeakApiKeys(), 2);
    EXPECT_EQ(emulator.ApiKeysCreated(), 2);
}

}  // namespace
}  // namespace emulator::test
