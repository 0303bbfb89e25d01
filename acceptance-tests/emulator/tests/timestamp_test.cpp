// Timestamps as Yandex Cloud's proto3 JSON gateway writes google.protobuf.Timestamp: UTC with
// `Z`, a fraction of 3, 6 or 9 digits only when it is not zero.
#include "acceptance-tests/emulator/timestamp.hpp"

#include <regex>

#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;

// In proto3 JSON's form: the shape, and no shorter form would keep every digit.
::testing::AssertionResult IsProto3Timestamp(const json& value) {
    static const std::regex kShape(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}|\.\d{6}|\.\d{9})?Z)");
    if (!value.is_string() || !std::regex_match(value.get<std::string>(), kShape))
        return ::testing::AssertionFailure() << value << " is not shaped like proto3 JSON's Timestamp";
    const auto text = value.get<std::string>();
    if (FormatRfc3339(*ParseRfc3339(text)) != text)
        return ::testing::AssertionFailure() << text << " has more fraction digits than proto3 JSON writes";
    return ::testing::AssertionSuccess();
}

TEST(Timestamp, ParsesAnyOffsetAndUpToNineFractionDigits) {
    EXPECT_EQ(ParseRfc3339("2099-11-11T22:33:44.250-05:30"), (Timestamp{4098139424, 250'000'000}));
    EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), (Timestamp{0, 0}));
    EXPECT_EQ(ParseRfc3339("1970-01-01t00:00:01.000000001z"), (Timestamp{1, 1}));
    EXPECT_EQ(ParseRfc3339("1970-01-01T03:00:00.5+03:00"), (Timestamp{0, 500'000'000}));
    for (const char* bad : {"2099-11-11T22:33:44",
                            "2099-11-11 22:33:44Z",
                            "2099-11-11T22:33:44.Z",
                            "2099-11-11T22:33:44.1234567890Z",
                            "2099-02-30T00:00:00Z",
                            "2099-11-11T24:00:00Z",
                            "2099-11-11T22:33:60Z",
                            "2099-11-11T22:33:44+ab:cd",
                            "2099-11-11T22:33:44+24:00",
                            "+099-11-11T22:33:44Z",
                            " 2099-11-11T22:33:44Z",
                            "2099-11-11T22:33:44Z "}) {
        EXPECT_FALSE(ParseRfc3339(bad)) << bad;
    }
}

TEST(Timestamp, FormatsWithTheFewestOfThreeSixOrNineDigits) {
    EXPECT_EQ(FormatRfc3339({4098139424, 0}), "2099-11-12T04:03:44Z");
    EXPECT_EQ(FormatRfc3339({4098139424, 250'000'000}), "2099-11-12T04:03:44.250Z");
    EXPECT_EQ(FormatRfc3339({4098139424, 123'456'000}), "2099-11-12T04:03:44.123456Z");
    EXPECT_EQ(FormatRfc3339({4098139424, 123'456'700}), "2099-11-12T04:03:44.123456700Z");
    EXPECT_EQ(FormatRfc3339({0, 1}), "1970-01-01T00:00:00.000000001Z");
    EXPECT_EQ(FormatRfc3339({0, 1'000}), "1970-01-01T00:00:00.000001Z");
    EXPECT_EQ(PlusMilliseconds({0, 999'000'000}, 1'250), (Timestamp{2, 249'000'000}));
}

TEST_F(EmulatorTest, FractionalExpiryRoundTripsAsProto3WritesIt) {
    const auto created = CreateKey({{"expiresAt", "2099-11-11T22:33:44.250-05:30"}});
    EXPECT_EQ(created["apiKey"]["expiresAt"], "2099-11-12T04:03:44.250Z");
    const auto id = created["apiKey"]["id"].get<std::string>();
    EXPECT_EQ(Get("/iam/v1/apiKeys/" + id)["expiresAt"], "2099-11-12T04:03:44.250Z");

    const std::vector<std::pair<std::string, std::string>> cases = {
        {"2099-01-01T00:00:00.000Z", "2099-01-01T00:00:00Z"},
        {"2099-01-01T00:00:00.1Z", "2099-01-01T00:00:00.100Z"},
        {"2099-01-01T00:00:00.1234Z", "2099-01-01T00:00:00.123400Z"},
        {"2099-01-01T00:00:00.123456789Z", "2099-01-01T00:00:00.123456789Z"},
        {"2099-01-01T00:00:00.1234567+00:00", "2099-01-01T00:00:00.123456700Z"},
    };
    for (const auto& [given, stored] : cases) {
        auto answer = client_->Patch(("/iam/v1/apiKeys/" + id).c_str(),
                                     Auth(),
                                     json{{"updateMask", "expiresAt"}, {"expiresAt", given}}.dump(),
                                     "application/json");
        ASSERT_TRUE(answer);
        ASSERT_EQ(answer->status, 200) << answer->body;
        EXPECT_EQ(json::parse(answer->body)["response"]["expiresAt"], stored) << given;
        EXPECT_EQ(Get("/iam/v1/apiKeys/" + id)["expiresAt"], stored) << given;
    }
}

TEST_F(EmulatorTest, ExpiryRangeIsCheckedOnWholeSeconds) {
    EXPECT_EQ(CreateKey({{"expiresAt", "2105-12-31T23:59:59.999Z"}})["apiKey"]["expiresAt"],
              "2105-12-31T23:59:59.999Z");
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}, {"expiresAt", "2106-01-01T00:00:00Z"}}, 400);
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}, {"expiresAt", "1969-12-31T23:59:59.500Z"}}, 400);
    Post("/iam/v1/apiKeys", {{"serviceAccountId", kAccount}, {"expiresAt", "2099-01-01T00:00:00+ab:cd"}}, 400);
}

TEST_F(EmulatorTest, EveryTimestampWrittenFollowsProto3) {
    const auto created = CreateKey({{"scopes", {"yc.postbox.send"}}});
    const auto id = created["apiKey"]["id"].get<std::string>();
    EXPECT_TRUE(IsProto3Timestamp(created["apiKey"]["createdAt"]));
    auto probe = client_->Get("/probe?scope=yc.postbox.send",
                              httplib::Headers{{"Authorization", "Api-Key " + created["secret"].get<std::string>()}});
    ASSERT_EQ(probe->status, 200);
    EXPECT_TRUE(IsProto3Timestamp(Get("/iam/v1/apiKeys/" + id)["lastUsedAt"]));

    const auto token = Post("/iam/v1/tokens", {{"yandexPassportOauthToken", kOAuth}}, 200, {{"X", "y"}});
    EXPECT_TRUE(IsProto3Timestamp(token["expiresAt"]));

    auto deleted = client_->Delete(("/iam/v1/apiKeys/" + id).c_str(), Auth());
    const auto operation = json::parse(deleted->body);
    EXPECT_TRUE(IsProto3Timestamp(operation["createdAt"]));
    EXPECT_TRUE(IsProto3Timestamp(operation["modifiedAt"]));
    const auto polled = Get("/operations/" + operation["id"].get<std::string>());
    EXPECT_TRUE(IsProto3Timestamp(polled["createdAt"]));
    EXPECT_TRUE(IsProto3Timestamp(polled["modifiedAt"]));

    const auto added = Post(
        "/lockbox/v1/secrets/e6qsecret:addVersion", {{"payloadEntries", {{{"key", "k"}, {"textValue", "v"}}}}}, 200);
    EXPECT_TRUE(IsProto3Timestamp(added["response"]["createdAt"]));
    const auto scheduled = Post("/lockbox/v1/secrets/e6qsecret:scheduleVersionDestruction",
                                {{"versionId", added["response"]["id"]}, {"pendingPeriod", "60s"}},
                                200);
    EXPECT_TRUE(IsProto3Timestamp(scheduled["metadata"]["destroyAt"]));
    // The answer must outlive the loop: a range-for over a member of a temporary reads freed memory.
    const auto versions = Get("/lockbox/v1/secrets/e6qsecret/versions");
    for (const auto& version : versions["versions"]) {
        EXPECT_TRUE(IsProto3Timestamp(version["createdAt"]));
        if (version.contains("destroyAt")) {
            EXPECT_TRUE(IsProto3Timestamp(version["destroyAt"]));
        }
    }
}

Options WithSecondsPrecision() {
    Options options;
    options.timestamp_precision = TimestampPrecision::kSeconds;
    return options;
}

// --timestamp-precision seconds: an API that keeps whole seconds of an expiry.
class SecondsPrecision : public EmulatorTest {
protected:
    SecondsPrecision() : EmulatorTest(WithSecondsPrecision()) {}
};

TEST_F(SecondsPrecision, StoredExpiryIsTruncatedToWholeSeconds) {
    const auto created = CreateKey({{"expiresAt", "2099-11-11T22:33:44.999-05:30"}});
    EXPECT_EQ(created["apiKey"]["expiresAt"], "2099-11-12T04:03:44Z");
    const auto id = created["apiKey"]["id"].get<std::string>();
    EXPECT_EQ(Get("/iam/v1/apiKeys/" + id)["expiresAt"], "2099-11-12T04:03:44Z");
    auto updated = client_->Patch(("/iam/v1/apiKeys/" + id).c_str(),
                                  Auth(),
                                  R"({"updateMask":"expiresAt","expiresAt":"2099-01-01T00:00:00.5Z"})",
                                  "application/json");
    ASSERT_EQ(updated->status, 200) << updated->body;
    EXPECT_EQ(Get("/iam/v1/apiKeys/" + id)["expiresAt"], "2099-01-01T00:00:00Z");
}

}  // namespace
}  // namespace emulator::test
