#include "tfplugin/types/value_transform.hpp"

namespace tfplugin {

Value UnknownsToNull(const Value& value) {
    if (value.IsUnknown())
        return Value::Null(value.GetType());
    if (value.IsNull() || value.GetType().IsPrimitive())
        return value;
    const auto& type = value.GetType();
    switch (type.Kind()) {
        case TypeKind::kList:
        case TypeKind::kSet:
        case TypeKind::kTuple: {
            std::vector<Value> elements;
            for (const auto& element : value.Elements())
                elements.push_back(UnknownsToNull(element));
            if (type.Kind() == TypeKind::kTuple)
                return Value::Tuple(std::move(elements));
            return type.Kind() == TypeKind::kList ? Value::List(type.ElementType(), std::move(elements))
                                                  : Value::Set(type.ElementType(), std::move(elements));
        }
        case TypeKind::kMap:
        case TypeKind::kObject: {
            std::map<std::string, Value> attributes;
            for (const auto& [name, attribute] : value.Attributes())
                attributes.emplace(name, UnknownsToNull(attribute));
            return type.Kind() == TypeKind::kMap ? Value::Map(type.ElementType(), std::move(attributes))
                                                 : Value::Object(type, std::move(attributes));
        }
        default:
            return value;
    }
}

}  // namespace tfplugin
