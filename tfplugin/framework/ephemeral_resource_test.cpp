// Ephemeral resources through the framework's Provider: announced, validated by their
// definitions, opened with the result starting as the configuration, renewed with the private
// data the last Open or Renew left, closed with Open's (as Terraform does), and held to
// returning a known result.
#include "tfplugin/framework/ephemeral_resource.hpp"

#include <gtest/gtest.h>

#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/provider.hpp"
#include "tfplugin/framework/validators.hpp"

namespace tfplugin::framework {
namespace {

using Clock = std::chrono::system_clock;

// Leases `lease`; "leave-unknown" leaves `handle` as it came, "fail" fails after leasing.
class Lease final : public EphemeralResource {
public:
    Lease() {
        definition_.schema.block.attributes = {Required("lease", Type::String(), ""),
                                               Computed("handle", Type::String(), "")};
        definition_.rules["lease"].validators = {StringNotEmpty()};
    }
    [[nodiscard]] std::string TypeName() const override { return "test_lease"; }
    [[nodiscard]] const Definition& GetDefinition() const override { return definition_; }

    void Open(const CallContext& /*ctx*/, const OpenRequest& request, OpenResponse& response) override {
        const auto& lease = request.config.Attribute("lease").AsString();
        response.private_state.Set("lease", lease);
        response.renew_at = kRenewAt;
        if (lease == "fail") {
            response.diagnostics.AddError("Lease failed", "Asked to.");
            return;
        }
        if (lease != "leave-unknown")
            response.result = response.result.WithAttribute("handle", Value::String("handle-" + lease));
    }
    void Renew(const CallContext& /*ctx*/, const RenewRequest& request, RenewResponse& response) override {
        renewed = request.private_state.Get("lease").value_or("");
        response.private_state.Set("renewals", "1");
        response.renew_at = kRenewAt + std::chrono::hours(1);
    }
    void Close(const CallContext& /*ctx*/, const CloseRequest& request, CloseResponse& /*response*/) override {
        closed = request.private_state.Get("lease").value_or("");
    }

    static inline const Clock::time_point kRenewAt = Clock::time_point(std::chrono::seconds(2000000000));
    std::string renewed;
    std::string closed;

private:
    Definition definition_;
};

class TestProvider final : public Provider {
public:
    TestProvider() : Provider({}) {
        auto lease = std::make_unique<Lease>();
        leases = lease.get();
        AddEphemeralResource(std::move(lease));
    }
    Lease* leases = nullptr;

protected:
    void Configure(const CallContext& /*ctx*/,
                   const ConfigureProviderRequest& /*request*/,
                   Diagnostics& /*diagnostics*/) override {}
};

Value Config(TestProvider& provider, Value lease, Value handle = Value::Null(Type::String())) {
    const auto type = provider.GetProviderSchema().ephemeral_resource_schemas.at("test_lease").ValueType();
    return Value::Object(type, {{"lease", std::move(lease)}, {"handle", std::move(handle)}});
}

TEST(EphemeralResources, AreAnnouncedInMetadataAndSchema) {
    TestProvider provider;
    EXPECT_EQ(provider.GetMetadata().ephemeral_resources, std::vector<std::string>{"test_lease"});
    EXPECT_EQ(provider.GetProviderSchema().ephemeral_resource_schemas.count("test_lease"), 1U);
}

TEST(EphemeralResources, ValidationRunsTheDefinitionsValidators) {
    TestProvider provider;
    ValidateResponse response;
    provider.ValidateEphemeralResourceConfig({}, {"test_lease", Config(provider, Value::String(""))}, response);
    ASSERT_TRUE(response.diagnostics.HasError());
    EXPECT_EQ(response.diagnostics.Items().at(0).attribute, AttributePath::Root("lease"));
}

TEST(EphemeralResources, RenewGetsThePrivateDataOfTheLastCallAndCloseGetsOpens) {
    TestProvider provider;
    OpenEphemeralResourceResponse opened;
    provider.OpenEphemeralResource({}, {"test_lease", Config(provider, Value::String("a")), {}}, opened);
    ASSERT_FALSE(opened.diagnostics.HasError());
    EXPECT_EQ(opened.result.Attribute("handle").AsString(), "handle-a");
    EXPECT_EQ(opened.renew_at, Lease::kRenewAt);

    RenewEphemeralResourceResponse renewed;
    provider.RenewEphemeralResource({}, {"test_lease", opened.private_data}, renewed);
    EXPECT_EQ(provider.leases->renewed, "a");
    EXPECT_EQ(renewed.renew_at, Lease::kRenewAt + std::chrono::hours(1));
    const auto after_renewal = PrivateState::Parse(renewed.private_data);
    EXPECT_EQ(after_renewal.Get("lease"), "a");  // kept unless the resource changes it
    EXPECT_EQ(after_renewal.Get("renewals"), "1");

    RenewEphemeralResourceResponse renewed_again;
    provider.RenewEphemeralResource({}, {"test_lease", renewed.private_data}, renewed_again);
    EXPECT_EQ(PrivateState::Parse(renewed_again.private_data).Get("renewals"), "1");

    CloseEphemeralResourceResponse closed;
    provider.CloseEphemeralResource({}, {"test_lease", opened.private_data}, closed);
    EXPECT_FALSE(closed.diagnostics.HasError());
    EXPECT_EQ(provider.leases->closed, "a");
}

// Terraform never closes a failed open, so it gets its diagnostics and a valid object only.
TEST(EphemeralResources, AFailedOpenSendsItsDiagnosticsAndNothingToRenewOrClose) {
    TestProvider provider;
    OpenEphemeralResourceResponse opened;
    provider.OpenEphemeralResource({}, {"test_lease", Config(provider, Value::String("fail")), {}}, opened);
    ASSERT_TRUE(opened.diagnostics.HasError());
    EXPECT_EQ(opened.diagnostics.Items().at(0).summary, "Lease failed");
    EXPECT_TRUE(opened.private_data.empty());
    EXPECT_FALSE(opened.renew_at);
    EXPECT_TRUE(opened.result.Attribute("handle").IsNull());
}

TEST(EphemeralResources, AnOpenThatLeavesAnAttributeUnknownIsTheProvidersError) {
    TestProvider provider;
    OpenEphemeralResourceResponse opened;
    provider.OpenEphemeralResource(
        {},
        {"test_lease", Config(provider, Value::String("leave-unknown"), Value::Unknown(Type::String())), {}},
        opened);
    ASSERT_TRUE(opened.diagnostics.HasError());
    EXPECT_EQ(opened.diagnostics.Items().at(0).summary, "Provider returned an incomplete object");
}

TEST(EphemeralResources, AnUnknownNameIsDiagnosedOncePerCall) {
    TestProvider provider;
    OpenEphemeralResourceResponse opened;
    provider.OpenEphemeralResource({}, {"test_nothing", Value(), {}}, opened);
    ASSERT_EQ(opened.diagnostics.Items().size(), 1U);
    EXPECT_EQ(opened.diagnostics.Items().at(0).summary, "Unknown ephemeral resource type");
    CloseEphemeralResourceResponse closed;
    provider.CloseEphemeralResource({}, {"test_nothing", ""}, closed);
    ASSERT_EQ(closed.diagnostics.Items().size(), 1U);
}

}  // namespace
}  // namespace tfplugin::framework
