#include <string>

#include "tfplugin/types/decode_error.hpp"
#include "tfplugin/types/dom.hpp"
#include "tfplugin/types/dom_builder.hpp"
#include "tfplugin/types/refinements_msgpack.hpp"

namespace tfplugin::detail {

namespace {

using nlohmann::json;

// Refined unknowns use this msgpack extension code; every other code is a plain unknown.
constexpr std::uint8_t kRefinedUnknownExtension = 12;

std::string Describe(const json& dom) {
    switch (dom.type()) {
        case json::value_t::string:
            return "a string";
        case json::value_t::boolean:
            return "a bool";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return "a number";
        case json::value_t::array:
            return "an array";
        case json::value_t::object:
            return "a map";
        case json::value_t::binary:
            return "binary data";
        default:
            return "null";
    }
}

[[noreturn]] void Mismatch(const AttributePath& path, const std::string& expected, const json& dom) {
    throw DecodeError(path, "expected " + expected + ", got " + Describe(dom));
}

Value DecodeString(json& dom, const AttributePath& path, WireFormat format) {
    if (dom.is_string()) {
        // The document is thrown away after decoding: moving its text saves a copy of every
        // string, which matters when Terraform sends tens of megabytes of it.
        return Value::String(std::move(dom.get_ref<std::string&>()));
    }
    // Terraform's JSON decoder also takes numbers and bools where a string is wanted.
    if (format == WireFormat::kJson && dom.is_number_integer()) {
        return Value::String(dom.dump());
    }
    if (format == WireFormat::kJson && dom.is_boolean()) {
        return Value::String(dom.get<bool>() ? "true" : "false");
    }
    Mismatch(path, "a string", dom);
}

Value DecodeNumber(const json& dom, const AttributePath& path) {
    std::optional<Number> number;
    if (dom.is_number_unsigned()) {
        number = Number::FromUnsigned(dom.get<std::uint64_t>());
    } else if (dom.is_number_integer()) {
        number = Number::FromInt(dom.get<std::int64_t>());
    } else if (dom.is_number_float()) {
        number = Number::FromDouble(dom.get<double>());
    } else if (dom.is_string()) {
        // Numbers too large or too precise for a double travel as decimal text; our JSON reader
        // also hands over every fractional number as its original text.
        number = Number::Parse(dom.get_ref<const std::string&>());
        if (!number) {
            throw DecodeError(path, "\"" + dom.get<std::string>() + "\" is not a valid number");
        }
    } else {
        Mismatch(path, "a number", dom);
    }
    if (!number) {
        throw DecodeError(path, "NaN is not a valid number");
    }
    return Value::FromNumber(*number);
}

Value DecodeBool(const json& dom, const AttributePath& path, WireFormat format) {
    if (dom.is_boolean()) {
        return Value::Bool(dom.get<bool>());
    }
    if (format == WireFormat::kJson && dom.is_string()) {
        const auto& text = dom.get_ref<const std::string&>();
        if (text == "true" || text == "false") {
            return Value::Bool(text == "true");
        }
    }
    Mismatch(path, "a bool", dom);
}

std::vector<Value> DecodeElements(json& dom, const Type& element_type, const AttributePath& path, WireFormat format) {
    if (!dom.is_array()) {
        Mismatch(path, "an array", dom);
    }
    std::vector<Value> elements;
    elements.reserve(dom.size());
    for (std::size_t i = 0; i < dom.size(); ++i) {
        elements.push_back(FromDom(dom[i], element_type, path.Index(static_cast<std::int64_t>(i)), format));
    }
    return elements;
}

Value DecodeMap(json& dom, const Type& type, const AttributePath& path, WireFormat format) {
    if (!dom.is_object()) {
        Mismatch(path, "a map", dom);
    }
    std::map<std::string, Value> elements;
    for (const auto& [key, element] : dom.items()) {
        elements.emplace(key, FromDom(element, type.ElementType(), path.Key(key), format));
    }
    return Value::Map(type.ElementType(), std::move(elements));
}

Value DecodeObject(json& dom, const Type& type, const AttributePath& path, WireFormat format) {
    if (!dom.is_object()) {
        Mismatch(path, "an object", dom);
    }
    const auto& attribute_types = type.AttributeTypes();
    for (const auto& [name, unused] : dom.items()) {
        if (attribute_types.find(name) == attribute_types.end()) {
            throw DecodeError(path.Attribute(name), "unsupported attribute \"" + name + "\"");
        }
    }
    // msgpack objects from Terraform always carry every attribute; a short one means the two
    // sides disagree on the schema. JSON (raw state) may leave attributes out: they are null.
    if (format == WireFormat::kMsgpack && dom.size() != attribute_types.size()) {
        throw DecodeError(path,
                          "an object with " + std::to_string(attribute_types.size()) + " attributes is required (" +
                              std::to_string(dom.size()) + " given)");
    }
    std::map<std::string, Value> attributes;
    for (const auto& [name, attribute_type] : attribute_types) {
        auto found = dom.find(name);
        attributes.emplace(name,
                           found == dom.end() ? Value::Null(attribute_type)
                                              : FromDom(*found, attribute_type, path.Attribute(name), format));
    }
    return Value::Object(type, std::move(attributes));
}

Value DecodeTuple(json& dom, const Type& type, const AttributePath& path, WireFormat format) {
    const auto& element_types = type.TupleElementTypes();
    if (!dom.is_array() || dom.size() != element_types.size()) {
        throw DecodeError(path, "expected a tuple of " + std::to_string(element_types.size()) + " elements");
    }
    std::vector<Value> elements;
    for (std::size_t i = 0; i < dom.size(); ++i) {
        elements.push_back(FromDom(dom[i], element_types[i], path.Index(static_cast<std::int64_t>(i)), format));
    }
    return Value::Tuple(std::move(elements));
}

// A dynamic-typed value carries its own type: [type JSON bytes, value] in msgpack,
// {"type": ..., "value": ...} in JSON.
Value DecodeDynamic(json& dom, const AttributePath& path, WireFormat format) {
    json type_json;
    json* inner = nullptr;
    if (format == WireFormat::kMsgpack) {
        if (!dom.is_array() || dom.size() != 2 || !(dom[0].is_binary() || dom[0].is_string())) {
            throw DecodeError(path, "a dynamic value must be a [type, value] pair");
        }
        const std::string type_text = dom[0].is_binary()
                                          ? std::string(dom[0].get_binary().begin(), dom[0].get_binary().end())
                                          : dom[0].get<std::string>();
        try {
            type_json = ParseJsonDom(type_text);
        } catch (const DecodeError&) {
            throw DecodeError(path, "a dynamic value names a type that is not valid JSON");
        }
        inner = &dom[1];
    } else {
        if (!dom.is_object() || !dom.contains("type") || !dom.contains("value")) {
            throw DecodeError(path, "a dynamic value must be an object with \"type\" and \"value\"");
        }
        type_json = dom["type"];
        inner = &dom["value"];
    }
    auto concrete = Type::FromJson(type_json);
    if (!concrete) {
        throw DecodeError(path, "a dynamic value names a type that is not valid");
    }
    return FromDom(*inner, *concrete, path, format);
}

}  // namespace

Value FromDom(json& dom, const Type& type, const AttributePath& path, WireFormat format) {
    if (dom.is_binary() && dom.get_binary().has_subtype()) {
        const auto& payload = dom.get_binary();
        UnknownRefinements refinements;
        if (payload.subtype() == kRefinedUnknownExtension && payload.size() > 1) {
            refinements =
                ParseRefinements(std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size()));
        }
        return Value::Unknown(type, std::move(refinements));
    }
    if (dom.is_null()) {
        return Value::Null(type);
    }
    switch (type.Kind()) {
        case TypeKind::kString:
            return DecodeString(dom, path, format);
        case TypeKind::kNumber:
            return DecodeNumber(dom, path);
        case TypeKind::kBool:
            return DecodeBool(dom, path, format);
        case TypeKind::kList:
            return Value::List(type.ElementType(), DecodeElements(dom, type.ElementType(), path, format));
        case TypeKind::kSet:
            return Value::Set(type.ElementType(), DecodeElements(dom, type.ElementType(), path, format));
        case TypeKind::kMap:
            return DecodeMap(dom, type, path, format);
        case TypeKind::kObject:
            return DecodeObject(dom, type, path, format);
        case TypeKind::kTuple:
            return DecodeTuple(dom, type, path, format);
        case TypeKind::kDynamic:
            return DecodeDynamic(dom, path, format);
    }
    throw DecodeError(path, "unsupported type");
}

}  // namespace tfplugin::detail
