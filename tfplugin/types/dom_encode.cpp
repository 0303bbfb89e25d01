#include "tfplugin/types/dom.hpp"

namespace tfplugin::detail {

namespace {

using nlohmann::json;

// go-cty writes an unknown as fixext1 with type 0 and a zero byte: d4 00 00.
json UnknownMarker() {
    return json::binary(json::binary_t::container_type{0}, 0);
}

json EncodeNumber(const Number& number) {
    if (auto integer = number.ToInt64()) {
        return *integer;
    }
    if (auto unsigned_integer = number.ToUint64()) {
        return *unsigned_integer;
    }
    if (auto exact = number.ToExactDouble()) {
        return *exact;  // also ±infinity, which is how go-cty sends it
    }
    // Anything a double would round travels as decimal text, which go-cty parses exactly.
    return number.ToString();
}

}  // namespace

json ToDom(const Value& value, const Type& type) {
    if (value.IsUnknown()) {
        return UnknownMarker();
    }
    if (value.IsNull()) {
        return nullptr;
    }
    if (type.Kind() == TypeKind::kDynamic) {
        const auto type_text = value.GetType().ToJsonString();
        return json::array({json::binary(json::binary_t::container_type(type_text.begin(), type_text.end())),
                            ToDom(value, value.GetType())});
    }
    switch (type.Kind()) {
        case TypeKind::kString:
            return value.AsString();
        case TypeKind::kNumber:
            return EncodeNumber(value.AsNumber());
        case TypeKind::kBool:
            return value.AsBool();
        case TypeKind::kList:
        case TypeKind::kSet: {
            auto array = json::array();
            for (const auto& element : value.Elements()) {
                array.push_back(ToDom(element, type.ElementType()));
            }
            return array;
        }
        case TypeKind::kTuple: {
            auto array = json::array();
            const auto& element_types = type.TupleElementTypes();
            const auto& elements = value.Elements();
            for (std::size_t i = 0; i < elements.size() && i < element_types.size(); ++i) {
                array.push_back(ToDom(elements[i], element_types[i]));
            }
            return array;
        }
        case TypeKind::kMap: {
            auto object = json::object();
            for (const auto& [key, element] : value.Attributes()) {
                object[key] = ToDom(element, type.ElementType());
            }
            return object;
        }
        case TypeKind::kObject: {
            // Every attribute of the schema type goes out, null when the value lacks it.
            auto object = json::object();
            const auto& attributes = value.Attributes();
            for (const auto& [name, attribute_type] : type.AttributeTypes()) {
                auto found = attributes.find(name);
                object[name] = found == attributes.end() ? json(nullptr) : ToDom(found->second, attribute_type);
            }
            return object;
        }
        case TypeKind::kDynamic:
            break;
    }
    return nullptr;
}

}  // namespace tfplugin::detail
