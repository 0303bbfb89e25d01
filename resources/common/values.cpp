#include "resources/common/values.hpp"

namespace provider {

using tfplugin::Type;
using tfplugin::Value;

std::string TextOr(const Value& value, const std::string& fallback) {
    return value.IsKnown() ? value.AsString() : fallback;
}

std::vector<std::string> Texts(const Value& list) {
    std::vector<std::string> items;
    if (!list.IsKnown())
        return items;
    for (const auto& element : list.Elements()) {
        if (element.IsKnown())
            items.push_back(element.AsString());
    }
    return items;
}

Value TextOrNull(const std::string& text) {
    return text.empty() ? Value::Null(Type::String()) : Value::String(text);
}

Value TextList(const std::vector<std::string>& items) {
    std::vector<Value> values;
    values.reserve(items.size());
    for (const auto& item : items)
        values.push_back(Value::String(item));
    return Value::List(Type::String(), std::move(values));
}

}  // namespace provider
