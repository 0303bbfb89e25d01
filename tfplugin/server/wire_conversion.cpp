#include "tfplugin/server/wire_conversion.hpp"

#include "tfplugin/server/utf8.hpp"
#include "tfplugin/types/codec.hpp"
#include "tfplugin/types/decode_error.hpp"

namespace tfplugin::server {

namespace {

void ToProto(const Attribute& attribute, tfplugin6::Schema_Attribute& proto) {
    proto.set_name(attribute.name);
    proto.set_type(attribute.type.ToJsonString());
    proto.set_description(attribute.description);
    proto.set_description_kind(tfplugin6::StringKind::MARKDOWN);
    proto.set_required(attribute.IsRequired());
    proto.set_optional(attribute.IsOptional());
    proto.set_computed(attribute.IsComputed());
    proto.set_sensitive(attribute.sensitive);
    proto.set_deprecated(attribute.deprecated);
    proto.set_write_only(attribute.write_only);
    if (attribute.deprecated)
        proto.set_deprecation_message(attribute.deprecation_message);
}

void ToProto(const Block& block, tfplugin6::Schema_Block& proto);

tfplugin6::Schema_NestedBlock_NestingMode ToProto(NestingMode mode) {
    switch (mode) {
        case NestingMode::kSingle:
            return tfplugin6::Schema_NestedBlock_NestingMode_SINGLE;
        case NestingMode::kList:
            return tfplugin6::Schema_NestedBlock_NestingMode_LIST;
        case NestingMode::kSet:
            return tfplugin6::Schema_NestedBlock_NestingMode_SET;
        case NestingMode::kMap:
            return tfplugin6::Schema_NestedBlock_NestingMode_MAP;
        case NestingMode::kGroup:
            return tfplugin6::Schema_NestedBlock_NestingMode_GROUP;
        case NestingMode::kInvalid:
            break;
    }
    return tfplugin6::Schema_NestedBlock_NestingMode_INVALID;
}

void ToProto(const NestedBlock& nested, tfplugin6::Schema_NestedBlock& proto) {
    proto.set_type_name(nested.type_name);
    ToProto(nested.block, *proto.mutable_block());
    proto.set_nesting(ToProto(nested.nesting));
    proto.set_min_items(nested.min_items);
    proto.set_max_items(nested.max_items);
}

void ToProto(const Block& block, tfplugin6::Schema_Block& proto) {
    proto.set_description(block.description);
    proto.set_description_kind(tfplugin6::StringKind::MARKDOWN);
    proto.set_deprecated(block.deprecated);
    for (const auto& attribute : block.attributes) {
        ToProto(attribute, *proto.add_attributes());
    }
    for (const auto& nested : block.block_types) {
        ToProto(nested, *proto.add_block_types());
    }
}

tfplugin6::Diagnostic_Severity ToProto(Severity severity) {
    switch (severity) {
        case Severity::kError:
            return tfplugin6::Diagnostic_Severity_ERROR;
        case Severity::kWarning:
            return tfplugin6::Diagnostic_Severity_WARNING;
        case Severity::kInvalid:
            break;
    }
    return tfplugin6::Diagnostic_Severity_INVALID;
}

}  // namespace

void ToProto(const Schema& schema, tfplugin6::Schema& proto) {
    proto.set_version(schema.version);
    ToProto(schema.block, *proto.mutable_block());
}

void ToProto(const AttributePath& path, tfplugin6::AttributePath& proto) {
    for (const auto& step : path.Steps()) {
        auto& proto_step = *proto.add_steps();
        if (const auto* name = std::get_if<AttributeName>(&step)) {
            // Names come from the decoded value too (an attribute the schema lacks): protobuf
            // refuses to send a string that is not UTF-8, so it is made valid like every text.
            proto_step.set_attribute_name(ForceValidUtf8(name->name));
        } else if (const auto* key = std::get_if<ElementKeyString>(&step)) {
            proto_step.set_element_key_string(ForceValidUtf8(key->key));
        } else {
            proto_step.set_element_key_int(std::get<ElementKeyInt>(step).index);
        }
    }
}

void ToProto(const Diagnostics& diagnostics, google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& proto) {
    for (const auto& diagnostic : diagnostics.Items()) {
        auto& item = *proto.Add();
        item.set_severity(ToProto(diagnostic.severity));
        item.set_summary(ForceValidUtf8(diagnostic.summary));
        item.set_detail(ForceValidUtf8(diagnostic.detail));
        if (diagnostic.attribute && !diagnostic.attribute->Empty()) {
            ToProto(*diagnostic.attribute, *item.mutable_attribute());
        }
    }
}

void ToProto(const ServerCapabilities& capabilities, tfplugin6::ServerCapabilities& proto) {
    proto.set_plan_destroy(capabilities.plan_destroy);
    proto.set_get_provider_schema_optional(capabilities.get_provider_schema_optional);
    proto.set_move_resource_state(capabilities.move_resource_state);
}

void ToProto(const Value& value, const Type& type, tfplugin6::DynamicValue& proto) {
    proto.set_msgpack(EncodeMsgpack(value, type));
}

ClientCapabilities FromProto(const tfplugin6::ClientCapabilities& proto) {
    ClientCapabilities capabilities;
    capabilities.deferral_allowed = proto.deferral_allowed();
    capabilities.write_only_attributes_allowed = proto.write_only_attributes_allowed();
    return capabilities;
}

std::optional<Value> FromProto(const tfplugin6::DynamicValue& proto,
                               const Type& type,
                               const std::string& what,
                               Diagnostics& diagnostics) {
    try {
        if (!proto.msgpack().empty()) {
            return DecodeMsgpack(proto.msgpack(), type);
        }
        if (!proto.json().empty()) {
            return DecodeJson(proto.json(), type);
        }
        return Value::Null(type);
    } catch (const DecodeError& error) {
        const std::string detail = "Terraform sent a " + what +
                                   " that does not match the provider's schema: " + error.Message() +
                                   ". This is a bug in the provider or in Terraform; please report it.";
        if (error.Path().Empty()) {
            diagnostics.AddError("Malformed " + what, detail);
        } else {
            diagnostics.AddAttributeError(error.Path(), "Malformed " + what, detail);
        }
        return std::nullopt;
    }
}

}  // namespace tfplugin::server
