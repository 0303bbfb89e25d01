#include "tfplugin/server/wire_conversion.hpp"

#include <gtest/gtest.h>

#include "tfplugin/framework/attributes.hpp"

namespace tfplugin::server {
namespace {

const Type kObject = Type::Object({{"name", Type::String()}, {"tags", Type::List(Type::String())}});

TEST(WireConversion, DecodeErrorsBecomeDiagnosticsOnTheAttribute) {
    tfplugin6::DynamicValue proto;
    // {"name": 5, "tags": nil}: a number where the schema wants a string.
    proto.set_msgpack(std::string("\x82\xa4name\x05\xa4tags\xc0", 13));
    Diagnostics diagnostics;
    EXPECT_FALSE(FromProto(proto, kObject, "configuration", diagnostics));
    ASSERT_EQ(diagnostics.Items().size(), 1U);
    EXPECT_EQ(diagnostics.Items()[0].summary, "Malformed configuration");
    EXPECT_EQ(diagnostics.Items()[0].attribute, AttributePath::Root("name"));
}

TEST(WireConversion, JsonIsAcceptedWhenMsgpackIsEmptyAndAbsenceIsNull) {
    tfplugin6::DynamicValue proto;
    proto.set_json(R"({"name":"x"})");
    Diagnostics diagnostics;
    const auto value = FromProto(proto, kObject, "state", diagnostics);
    ASSERT_TRUE(value);
    EXPECT_EQ(value->Attribute("name"), Value::String("x"));
    EXPECT_TRUE(value->Attribute("tags").IsNull());
    EXPECT_TRUE(FromProto(tfplugin6::DynamicValue(), kObject, "state", diagnostics)->IsNull());
}

TEST(WireConversion, AnswersAlwaysInMsgpack) {
    tfplugin6::DynamicValue proto;
    ToProto(Value::Unknown(Type::String()), Type::String(), proto);
    EXPECT_EQ(proto.msgpack(), std::string("\xd4\x00\x00", 3));
    EXPECT_TRUE(proto.json().empty());
}

TEST(WireConversion, DiagnosticsCarryPathsAndValidUtf8) {
    Diagnostics diagnostics;
    diagnostics.AddAttributeError(AttributePath::Root("tags").Index(2), "Bad \xff tag", "detail");
    google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> proto;
    ToProto(diagnostics, proto);
    ASSERT_EQ(proto.size(), 1);
    EXPECT_EQ(proto[0].severity(), tfplugin6::Diagnostic_Severity_ERROR);
    EXPECT_EQ(proto[0].summary(), "Bad \xEF\xBF\xBD tag");
    ASSERT_EQ(proto[0].attribute().steps_size(), 2);
    EXPECT_EQ(proto[0].attribute().steps(0).attribute_name(), "tags");
    EXPECT_EQ(proto[0].attribute().steps(1).element_key_int(), 2);
}

TEST(WireConversion, AttributeNamesFromTheWireAreMadeValidUtf8) {
    // {"name": nil, "tags": nil, "\xff": nil}: the unknown attribute is named in the path.
    tfplugin6::DynamicValue proto;
    proto.set_msgpack(std::string("\x83\xa4name\xc0\xa4tags\xc0\xa1\xff\xc0", 16));
    Diagnostics diagnostics;
    EXPECT_FALSE(FromProto(proto, kObject, "configuration", diagnostics));
    google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic> wire;
    ToProto(diagnostics, wire);
    ASSERT_EQ(wire.size(), 1);
    ASSERT_EQ(wire[0].attribute().steps_size(), 1);
    EXPECT_EQ(wire[0].attribute().steps(0).attribute_name(), "\xEF\xBF\xBD");
    EXPECT_EQ(wire[0].detail().find('\xff'), std::string::npos);
    tfplugin6::Diagnostic copy;
    EXPECT_TRUE(copy.ParseFromString(wire[0].SerializeAsString()));
}

TEST(WireConversion, SchemaFlagsFollowTheAttributeMode) {
    Schema schema;
    schema.block.attributes = {framework::Required("a", Type::String(), "A."),
                               framework::OptionalComputed("b", Type::List(Type::String()), "B."),
                               framework::Sensitive(framework::Computed("c", Type::String(), "C."))};
    tfplugin6::Schema proto;
    ToProto(schema, proto);
    const auto& attributes = proto.block().attributes();
    EXPECT_TRUE(attributes[0].required() && !attributes[0].optional() && !attributes[0].computed());
    EXPECT_TRUE(!attributes[1].required() && attributes[1].optional() && attributes[1].computed());
    EXPECT_EQ(attributes[1].type(), R"(["list","string"])");
    EXPECT_TRUE(attributes[2].computed() && attributes[2].sensitive() && !attributes[2].optional());
    EXPECT_EQ(attributes[2].description_kind(), tfplugin6::StringKind::MARKDOWN);
}

}  // namespace
}  // namespace tfplugin::server
