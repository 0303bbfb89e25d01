// Data sources through the framework's Provider: announced in metadata and schema, validated by
// their definitions, read with the state starting as the configuration, and held to returning a
// known object.
#include "tfplugin/framework/data_source.hpp"

#include <gtest/gtest.h>

#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/provider.hpp"
#include "tfplugin/framework/validators.hpp"

namespace tfplugin::framework {
namespace {

// Counts the words of `text` into `words`. "leave-unknown" leaves `words` as it came, "fail"
// fails (after setting `words` unknown), "forbidden" fails validation.
class WordCount final : public DataSource {
public:
    WordCount() {
        definition_.schema.block.attributes = {Required("text", Type::String(), ""),
                                               Computed("words", Type::Number(), "")};
        definition_.rules["text"].validators = {StringNotEmpty()};
    }
    [[nodiscard]] std::string TypeName() const override { return "test_word_count"; }
    [[nodiscard]] const Definition& GetDefinition() const override { return definition_; }

    void ValidateConfig(const CallContext& /*ctx*/, const Value& config, Diagnostics& diagnostics) const override {
        const auto& text = config.Attribute("text");
        if (text.IsKnown() && text.AsString() == "forbidden")
            diagnostics.AddAttributeError(AttributePath::Root("text"), "Forbidden text", "Not this one.");
    }

    void Read(const CallContext& /*ctx*/,
              const DataSourceReadRequest& request,
              DataSourceReadResponse& response) override {
        const auto& text = request.config.Attribute("text").AsString();
        ++reads;
        if (text == "fail") {
            response.diagnostics.AddError("Count failed", "Asked to.");
            response.state = response.state.WithAttribute("words", Value::Unknown(Type::Number()));
            return;
        }
        if (text == "leave-unknown")
            return;  // the test hands in `words` unknown, and it stays so
        std::int64_t words = 0;
        bool in_word = false;
        for (const char c : text) {
            const bool letter = c != ' ';
            words += letter && !in_word ? 1 : 0;
            in_word = letter;
        }
        response.state = response.state.WithAttribute("words", Value::FromNumber(Number::FromInt(words)));
    }

    int reads = 0;

private:
    Definition definition_;
};

class TestProvider final : public Provider {
public:
    TestProvider() : Provider({}) {
        auto data_source = std::make_unique<WordCount>();
        word_count = data_source.get();
        AddDataSource(std::move(data_source));
    }
    WordCount* word_count = nullptr;

protected:
    void Configure(const CallContext& /*ctx*/,
                   const ConfigureProviderRequest& /*request*/,
                   Diagnostics& /*diagnostics*/) override {}
};

Value Config(const Provider& provider, Value text) {
    auto& mutable_provider = const_cast<Provider&>(provider);
    const auto type = mutable_provider.GetProviderSchema().data_source_schemas.at("test_word_count").ValueType();
    return Value::Object(type, {{"text", std::move(text)}, {"words", Value::Null(Type::Number())}});
}

TEST(DataSources, AreAnnouncedInMetadataAndSchema) {
    TestProvider provider;
    const auto metadata = provider.GetMetadata();
    EXPECT_EQ(metadata.data_sources, std::vector<std::string>{"test_word_count"});
    EXPECT_TRUE(metadata.resources.empty());
    const auto schema = provider.GetProviderSchema();
    ASSERT_EQ(schema.data_source_schemas.count("test_word_count"), 1U);
    EXPECT_EQ(schema.data_source_schemas.at("test_word_count").block.attributes.size(), 2U);
    EXPECT_TRUE(schema.resource_schemas.empty());
}

TEST(DataSources, ValidationRunsTheDefinitionsValidatorsAndTheDataSourcesOwnChecks) {
    TestProvider provider;
    ValidateResponse empty;
    provider.ValidateDataResourceConfig({}, {"test_word_count", Config(provider, Value::String(""))}, empty);
    ASSERT_TRUE(empty.diagnostics.HasError());
    EXPECT_EQ(empty.diagnostics.Items().at(0).attribute, AttributePath::Root("text"));
    ValidateResponse forbidden;
    provider.ValidateDataResourceConfig(
        {}, {"test_word_count", Config(provider, Value::String("forbidden"))}, forbidden);
    ASSERT_TRUE(forbidden.diagnostics.HasError());
    EXPECT_EQ(forbidden.diagnostics.Items().at(0).summary, "Forbidden text");
    ValidateResponse unknown;
    provider.ValidateDataResourceConfig(
        {}, {"test_word_count", Config(provider, Value::Unknown(Type::String()))}, unknown);
    EXPECT_FALSE(unknown.diagnostics.HasError());
}

TEST(DataSources, ReadStartsFromTheConfigurationAndFillsInTheComputedAttributes) {
    TestProvider provider;
    ReadDataSourceResponse response;
    provider.ReadDataSource(
        {}, {"test_word_count", Config(provider, Value::String("three little words")), {}}, response);
    ASSERT_FALSE(response.diagnostics.HasError());
    EXPECT_EQ(response.state.Attribute("text").AsString(), "three little words");
    EXPECT_EQ(response.state.Attribute("words").AsNumber(), Number::FromInt(3));
    EXPECT_EQ(provider.word_count->reads, 1);
}

TEST(DataSources, AReadThatLeavesAnAttributeUnknownIsTheProvidersError) {
    TestProvider provider;
    auto config = Config(provider, Value::String("leave-unknown"));
    config = config.WithAttribute("words", Value::Unknown(Type::Number()));
    ReadDataSourceResponse response;
    provider.ReadDataSource({}, {"test_word_count", config, {}}, response);
    ASSERT_TRUE(response.diagnostics.HasError());
    EXPECT_EQ(response.diagnostics.Items().at(0).summary, "Provider returned an incomplete object");
}

TEST(DataSources, AFailedReadSendsItsDiagnosticsAndAnObjectWithoutUnknowns) {
    TestProvider provider;
    ReadDataSourceResponse response;
    provider.ReadDataSource({}, {"test_word_count", Config(provider, Value::String("fail")), {}}, response);
    ASSERT_TRUE(response.diagnostics.HasError());
    EXPECT_EQ(response.diagnostics.Items().at(0).summary, "Count failed");
    EXPECT_TRUE(response.state.Attribute("words").IsNull());
}

TEST(DataSources, AnUnknownNameIsDiagnosedOnce) {
    TestProvider provider;
    ReadDataSourceResponse read;
    provider.ReadDataSource({}, {"test_no_such_thing", Value(), {}}, read);
    ASSERT_EQ(read.diagnostics.Items().size(), 1U);
    EXPECT_EQ(read.diagnostics.Items().at(0).summary, "Unknown data source");
    ValidateResponse validate;
    provider.ValidateDataResourceConfig({}, {"test_no_such_thing", Value()}, validate);
    ASSERT_EQ(validate.diagnostics.Items().size(), 1U);
    EXPECT_EQ(validate.diagnostics.Items().at(0).summary, "Unknown data source");
}

// The server decodes wire values with the type the provider keeps for each name; an unknown name
// gets the same one diagnostic as any other call.
TEST(DataSources, TheProviderKeepsEachValueTypeForTheServer) {
    TestProvider provider;
    Diagnostics diagnostics;
    const auto* type = provider.ValueTypeOf(ObjectKind::kDataSource, "test_word_count", diagnostics);
    ASSERT_NE(type, nullptr);
    EXPECT_EQ(*type, provider.GetProviderSchema().data_source_schemas.at("test_word_count").ValueType());
    EXPECT_EQ(provider.ValueTypeOf(ObjectKind::kResource, "test_word_count", diagnostics), nullptr)
        << "a data source is not a resource";
    ASSERT_EQ(diagnostics.Items().size(), 1U);
    EXPECT_EQ(diagnostics.Items().at(0).summary, "Unknown resource type");
}

TEST(DataSources, TwoWithOneNameAreRefusedAsTheProviderIsBuilt) {
    TestProvider provider;
    EXPECT_THROW(provider.AddDataSource(std::make_unique<WordCount>()), std::logic_error);
}

}  // namespace
}  // namespace tfplugin::framework
