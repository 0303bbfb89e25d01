// Bad input never crashes: malformed and hostile messages sent straight to the real
// provider's gRPC server, as no Terraform would send them. Every call must come back with a
// diagnostic that says what was wrong (never "Internal provider error"), the process must stay up
// and answer GetProviderSchema afterwards, and its memory must stay bounded.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "acceptance-tests/protocol/provider_session.hpp"

namespace acceptance::protocol {
namespace {

using tfplugin::Type;
using tfplugin::Value;

constexpr std::uint64_t kMiB = 1024 * 1024;

// The plugin's memory bounds. Under AddressSanitizer (scripts/sanitize address) the plugin also
// keeps up to 256 MB of freed blocks in quarantine, besides shadow memory and redzones, so there
// the bounds only catch runaway growth (a 50 MB call peaked at 768 MiB under ASan, 2-3 copies).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAddressSanitizer = true;
#elif defined(__has_feature)
constexpr bool kUnderAddressSanitizer = __has_feature(address_sanitizer);
#else
constexpr bool kUnderAddressSanitizer = false;
#endif
constexpr std::uint64_t kPeakPerCall = (kUnderAddressSanitizer ? 1536 : 400) * kMiB;
constexpr std::uint64_t kLeftAfterCalls = (kUnderAddressSanitizer ? 1024 : 300) * kMiB;

class HostileInput : public testing::Test {
protected:
    // One plugin process for the whole suite: surviving every test in turn is part of the point.
    static void SetUpTestSuite() { session_ = new ProviderSession(); }
    static void TearDownTestSuite() {
        delete session_;
        session_ = nullptr;
    }

    void TearDown() override {
        ASSERT_TRUE(session_->Alive()) << "the provider process died";
        tfplugin6::GetProviderSchema_Response schema;
        const auto status = session_->Stub().GetProviderSchema(ProviderSession::Context().get(), {}, &schema);
        EXPECT_TRUE(status.ok()) << "GetProviderSchema after the test: " << status.error_message();
        EXPECT_TRUE(schema.resource_schemas().contains(kApiKeyType));
    }

    static ProviderSession& Session() { return *session_; }

    /// ValidateResourceConfig of the API key with the given DynamicValue.
    static tfplugin6::ValidateResourceConfig_Response Validate(const tfplugin6::DynamicValue& config,
                                                               const std::string& type_name = kApiKeyType) {
        tfplugin6::ValidateResourceConfig_Request request;
        request.set_type_name(type_name);
        *request.mutable_config() = config;
        tfplugin6::ValidateResourceConfig_Response response;
        const auto status =
            session_->Stub().ValidateResourceConfig(ProviderSession::Context().get(), request, &response);
        EXPECT_TRUE(status.ok()) << status.error_message();
        return response;
    }

    static tfplugin6::DynamicValue RawMsgpack(std::string bytes) {
        tfplugin6::DynamicValue value;
        value.set_msgpack(std::move(bytes));
        return value;
    }

private:
    static ProviderSession* session_;
};

ProviderSession* HostileInput::session_ = nullptr;

/// The diagnostics must hold an error whose summary contains `summary_part`, and none may be the
/// catch-all for a provider bug.
template <typename Diagnostics>
void ExpectError(const Diagnostics& diagnostics, const std::string& summary_part) {
    bool found = false;
    for (const auto& diagnostic : diagnostics) {
        EXPECT_NE(diagnostic.summary(), "Internal provider error") << diagnostic.detail();
        if (diagnostic.severity() == tfplugin6::Diagnostic_Severity_ERROR &&
            diagnostic.summary().find(summary_part) != std::string::npos) {
            found = true;
        }
    }
    EXPECT_TRUE(found) << "no error diagnostic with \"" << summary_part << "\" among " << diagnostics.size();
}

std::string Repeat(const std::string& piece, std::size_t times) {
    std::string text;
    text.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i)
        text += piece;
    return text;
}

TEST_F(HostileInput, GarbageAndTruncatedMsgpackAreMalformedConfigurations) {
    ExpectError(Validate(RawMsgpack("\xc1\xc1\xc1 not msgpack at all")).diagnostics(), "Malformed");
    const auto whole =
        Session().Msgpack(Session().ApiKeyConfig({{"service_account_id", Value::String("aje6o61dvog2h6g9a33s")}}));
    for (const std::size_t cut : {std::size_t{1}, whole.msgpack().size() / 2, whole.msgpack().size() - 1}) {
        ExpectError(Validate(RawMsgpack(whole.msgpack().substr(0, cut))).diagnostics(), "Malformed");
    }
    ExpectError(Validate(RawMsgpack(whole.msgpack() + "trailing")).diagnostics(), "Malformed");
    tfplugin6::DynamicValue json;
    json.set_json("{\"service_account_id\": ");
    ExpectError(Validate(json).diagnostics(), "Malformed");
}

TEST_F(HostileInput, WrongTypesNameTheAttribute) {
    // {"service_account_id": 5}: a number where a string belongs, and too few attributes.
    auto response = Validate(RawMsgpack(std::string("\x81\xb2service_account_id\x05", 21)));
    ExpectError(response.diagnostics(), "Malformed");
    // Every attribute present, scopes a map instead of a list.
    std::string bytes = Session().Msgpack(Session().ApiKeyConfig({})).msgpack();
    const auto scopes = bytes.find("\xa6scopes");
    ASSERT_NE(scopes, std::string::npos);
    bytes.replace(scopes + 7, 1, "\x81\xa1k\xa1v");  // the null after the key becomes {"k": "v"}
    response = Validate(RawMsgpack(bytes));
    ExpectError(response.diagnostics(), "Malformed");
    ASSERT_GT(response.diagnostics_size(), 0);
    ASSERT_GT(response.diagnostics(0).attribute().steps_size(), 0);
    EXPECT_EQ(response.diagnostics(0).attribute().steps(0).attribute_name(), "scopes");
}

TEST_F(HostileInput, DeeplyNestedValuesAreRefusedNotFollowed) {
    // 87k nested arrays and 53k nested maps used to overflow the stack (SIGSEGV).
    ExpectError(Validate(RawMsgpack(std::string(87'000, '\x91') + '\xc0')).diagnostics(), "Malformed");
    ExpectError(Validate(RawMsgpack(Repeat("\x81\xa1k", 53'000) + '\xc0')).diagnostics(), "Malformed");
    tfplugin6::DynamicValue json;
    json.set_json(std::string(1'000'000, '['));
    ExpectError(Validate(json).diagnostics(), "Malformed");

    tfplugin6::UpgradeResourceState_Request upgrade;
    upgrade.set_type_name(kApiKeyType);
    upgrade.set_version(0);
    upgrade.mutable_raw_state()->set_json(Repeat(R"({"id":)", 200'000));
    tfplugin6::UpgradeResourceState_Response upgraded;
    ASSERT_TRUE(Session().Stub().UpgradeResourceState(ProviderSession::Context().get(), upgrade, &upgraded).ok());
    ExpectError(upgraded.diagnostics(), "state");
}

TEST_F(HostileInput, InvalidUtf8IsNeverEchoedBack) {
    // An attribute name that is not UTF-8 ends up in the diagnostic's path: protobuf would refuse
    // to send it, so the client would see a broken answer instead of the error.
    std::string bytes = Session().Msgpack(Session().ApiKeyConfig({})).msgpack();
    // One more attribute in the map's count: a fixmap (0x80 | n) or, past 15 entries, a map 16.
    const auto head = static_cast<unsigned char>(bytes[0]);
    if (head == 0xde) {
        const auto count = static_cast<unsigned>(static_cast<unsigned char>(bytes[1]) << 8U) +
                           static_cast<unsigned char>(bytes[2]) + 1U;
        ASSERT_LT(count, 0x10000U);
        bytes[1] = static_cast<char>(count >> 8U);
        bytes[2] = static_cast<char>(count & 0xffU);
    } else {
        ASSERT_LT(head, 0x8fU) << "expected a map with room for one more entry";
        bytes[0] = static_cast<char>(head + 1);
    }
    bytes += std::string("\xa2\xff\xfe\xc0", 4);  // ... named "\xff\xfe"
    auto response = Validate(RawMsgpack(bytes));
    ExpectError(response.diagnostics(), "Malformed");
    for (const auto& diagnostic : response.diagnostics()) {
        for (const auto& step : diagnostic.attribute().steps())
            EXPECT_EQ(step.attribute_name().find('\xff'), std::string::npos);
    }
    // Strings that are not UTF-8 inside values: a Lockbox entry key quoted in the diagnostic.
    const auto lockbox_type = Session().ApiKeyType().AttributeTypes().at("output_to_lockbox");
    const auto block = Value::Object(
        lockbox_type.ElementType(),
        {{"secret_id", Value::String("e6q8rl3hr3nfi6b3h5tk")}, {"entry_for_secret_key", Value::String("key\xff\xfe")}});
    response = Validate(Session().Msgpack(
        Session().ApiKeyConfig({{"service_account_id", Value::String("aje6o61dvog2h6g9a33s")},
                                {"description", Value::String("\xc0\xaf overlong and \xed\xa0\x80 surrogate")},
                                {"output_to_lockbox", Value::List(lockbox_type.ElementType(), {block})}})));
    ExpectError(response.diagnostics(), "Invalid character");
}

TEST_F(HostileInput, InvalidUtf8InTypeNamesIsRefusedByTheWireFormat) {
    // A proto3 string that is not UTF-8 cannot even be parsed (Terraform's Go client cannot
    // produce one): gRPC answers with an error status, and the process carries on.
    tfplugin6::ValidateResourceConfig_Request request;
    request.set_type_name("yandex_\xff\xfe");
    tfplugin6::ValidateResourceConfig_Response response;
    const auto status = Session().Stub().ValidateResourceConfig(ProviderSession::Context().get(), request, &response);
    EXPECT_FALSE(status.ok());
    EXPECT_NE(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
}

TEST_F(HostileInput, UnknownTypeNamesAreDiagnosed) {
    ExpectError(Validate(RawMsgpack("\xc0"), "yandex_no_such_thing").diagnostics(), "Unknown resource type");
    ExpectError(Validate(RawMsgpack("\xc0"), "").diagnostics(), "Unknown resource type");
    tfplugin6::ReadDataSource_Request read;
    read.set_type_name("yandex_iam_service_account");
    tfplugin6::ReadDataSource_Response data;
    ASSERT_TRUE(Session().Stub().ReadDataSource(ProviderSession::Context().get(), read, &data).ok());
    ExpectError(data.diagnostics(), "Unknown data source");
    tfplugin6::UpgradeResourceState_Request upgrade;
    upgrade.set_type_name("yandex_no_such_thing");
    tfplugin6::UpgradeResourceState_Response upgraded;
    ASSERT_TRUE(Session().Stub().UpgradeResourceState(ProviderSession::Context().get(), upgrade, &upgraded).ok());
    ExpectError(upgraded.diagnostics(), "Unknown resource type");
}

// The plugin's peak memory during one call, printed with the call's name.
template <typename Call>
std::uint64_t PeakDuring(ProviderSession& session, const char* name, Call&& call) {
    session.ResetPeakMemory();
    call();
    const auto memory = session.ReadMemory();
    std::cout << "[ figures  ] provider peak memory during " << name << ": " << memory.peak / kMiB << " MiB (now "
              << memory.rss / kMiB << " MiB)\n";
    return memory.peak;
}

TEST_F(HostileInput, FiftyMegabyteStringsAreDiagnosedWithinBoundedMemory) {
    const std::string huge(50 * kMiB, 'x');
    // Terraform's limit is 256 MB per message; two 50 MB strings in one configuration.
    EXPECT_LT(PeakDuring(Session(),
                         "a configuration with two 50 MB strings",
                         [&] {
                             ExpectError(Validate(Session().Msgpack(Session().ApiKeyConfig(
                                                      {{"service_account_id", Value::String(huge)},
                                                       {"description", Value::String(huge)}})))
                                             .diagnostics(),
                                         "too long");
                         }),
              kPeakPerCall);
    EXPECT_LT(PeakDuring(Session(),
                         "a 50 MB pgp_key",
                         [&] {
                             ExpectError(Validate(Session().Msgpack(Session().ApiKeyConfig(
                                                      {{"service_account_id", Value::String("aje6o61dvog2h6g9a33s")},
                                                       {"pgp_key", Value::String(huge)}})))
                                             .diagnostics(),
                                         "PGP");
                         }),
              kPeakPerCall);
    // A 50 MB stored state goes through the upgrade and comes back as it is.
    EXPECT_LT(
        PeakDuring(
            Session(),
            "the upgrade of a 50 MB state",
            [&] {
                tfplugin6::UpgradeResourceState_Request upgrade;
                upgrade.set_type_name(kApiKeyType);
                upgrade.set_version(1);
                upgrade.mutable_raw_state()->set_json(
                    R"({"id":"ajekey","service_account_id":"aje6o61dvog2h6g9a33s","description":")" + huge + "\"}");
                tfplugin6::UpgradeResourceState_Response upgraded;
                ASSERT_TRUE(
                    Session().Stub().UpgradeResourceState(ProviderSession::Context().get(), upgrade, &upgraded).ok());
                EXPECT_EQ(upgraded.diagnostics_size(), 0);
                EXPECT_GT(upgraded.upgraded_state().msgpack().size(), huge.size());
            }),
        kPeakPerCall);
    // What the calls left behind is given back, not kept.
    EXPECT_LT(Session().ReadMemory().rss, kLeftAfterCalls);
}

TEST_F(HostileInput, CallsBeforeConfigureProviderSayItIsNotConfigured) {
    const auto config = Session().Msgpack(Session().ApiKeyConfig(
        {{"service_account_id", Value::String("aje6o61dvog2h6g9a33s")}, {"id", Value::String("ajekey")}}));
    tfplugin6::ReadResource_Request read;
    read.set_type_name(kApiKeyType);
    *read.mutable_current_state() = config;
    tfplugin6::ReadResource_Response read_response;
    ASSERT_TRUE(Session().Stub().ReadResource(ProviderSession::Context().get(), read, &read_response).ok());
    ExpectError(read_response.diagnostics(), "not configured");

    tfplugin6::ApplyResourceChange_Request apply;
    apply.set_type_name(kApiKeyType);
    *apply.mutable_prior_state() = RawMsgpack("\xc0");
    *apply.mutable_planned_state() = config;
    *apply.mutable_config() = config;
    tfplugin6::ApplyResourceChange_Response applied;
    ASSERT_TRUE(Session().Stub().ApplyResourceChange(ProviderSession::Context().get(), apply, &applied).ok());
    ExpectError(applied.diagnostics(), "not configured");

    tfplugin6::ImportResourceState_Request import;
    import.set_type_name(kApiKeyType);
    import.set_id("ajekey");
    tfplugin6::ImportResourceState_Response imported;
    ASSERT_TRUE(Session().Stub().ImportResourceState(ProviderSession::Context().get(), import, &imported).ok());
    // Import only records the id (the ReadResource that follows needs the client), so it may
    // succeed unconfigured; what it must not do is fail as a provider bug.
    for (const auto& diagnostic : imported.diagnostics())
        EXPECT_NE(diagnostic.summary(), "Internal provider error") << diagnostic.detail();
    if (imported.diagnostics_size() == 0) {
        EXPECT_EQ(imported.imported_resources_size(), 1);
    }
}

TEST_F(HostileInput, ConcurrentCallsWithStopProviderAllGetAnswers) {
    const auto config =
        Session().Msgpack(Session().ApiKeyConfig({{"service_account_id", Value::String("aje6o61dvog2h6g9a33s")},
                                                  {"scopes", Value::Unknown(Type::List(Type::String()))}}));
    std::atomic<int> failures{0};
    std::atomic<bool> done{false};
    std::vector<std::thread> callers;
    for (int thread = 0; thread < 8; ++thread) {
        callers.emplace_back([&, thread] {
            for (int call = 0; call < 25; ++call) {
                grpc::Status status;
                if ((thread + call) % 2 == 0) {
                    tfplugin6::ValidateResourceConfig_Request request;
                    request.set_type_name(kApiKeyType);
                    *request.mutable_config() = (call % 3 == 0) ? RawMsgpack(std::string(5000, '\x91')) : config;
                    tfplugin6::ValidateResourceConfig_Response response;
                    status =
                        Session().Stub().ValidateResourceConfig(ProviderSession::Context().get(), request, &response);
                } else {
                    tfplugin6::PlanResourceChange_Request request;
                    request.set_type_name(kApiKeyType);
                    *request.mutable_prior_state() = RawMsgpack("\xc0");
                    *request.mutable_proposed_new_state() = config;
                    *request.mutable_config() = config;
                    tfplugin6::PlanResourceChange_Response response;
                    status = Session().Stub().PlanResourceChange(ProviderSession::Context().get(), request, &response);
                    for (const auto& diagnostic : response.diagnostics()) {
                        if (diagnostic.summary() == "Internal provider error")
                            ++failures;
                    }
                }
                if (!status.ok())
                    ++failures;
            }
        });
    }
    std::thread stopper([&] {
        while (!done) {
            tfplugin6::StopProvider_Response stopped;
            if (!Session().Stub().StopProvider(ProviderSession::Context().get(), {}, &stopped).ok())
                ++failures;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    for (auto& caller : callers)
        caller.join();
    done = true;
    stopper.join();
    EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace acceptance::protocol
