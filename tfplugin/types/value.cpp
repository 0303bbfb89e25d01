#include "tfplugin/types/value.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <variant>

#include "tfplugin/types/value_hash.hpp"

namespace tfplugin {

struct Value::Payload {
    std::variant<std::string, Number, bool, std::vector<Value>, std::map<std::string, Value>, UnknownRefinements> data;
};

namespace {

template <typename T, typename Variant>
const T& Expect(const Variant& data, const char* what) {
    if (const auto* value = std::get_if<T>(&data)) {
        return *value;
    }
    throw std::logic_error(std::string("tfplugin::Value: not a known ") + what);
}

}  // namespace

Value::Value() : Value(Type::Dynamic(), ValueState::kNull, nullptr) {}

Value::Value(Type type, ValueState state, std::shared_ptr<const Payload> payload)
    : type_(std::move(type)), state_(state), payload_(std::move(payload)) {}

Value Value::Null(Type type) {
    return Value(std::move(type), ValueState::kNull, nullptr);
}

Value Value::Unknown(Type type, UnknownRefinements refinements) {
    return Value(
        std::move(type), ValueState::kUnknown, std::make_shared<const Payload>(Payload{std::move(refinements)}));
}

Value Value::String(std::string value) {
    return Value(Type::String(), ValueState::kKnown, std::make_shared<const Payload>(Payload{std::move(value)}));
}

Value Value::FromNumber(Number value) {
    return Value(Type::Number(), ValueState::kKnown, std::make_shared<const Payload>(Payload{std::move(value)}));
}

Value Value::Bool(bool value) {
    return Value(Type::Bool(), ValueState::kKnown, std::make_shared<const Payload>(Payload{value}));
}

Value Value::List(Type element_type, std::vector<Value> elements) {
    return Value(Type::List(std::move(element_type)),
                 ValueState::kKnown,
                 std::make_shared<const Payload>(Payload{std::move(elements)}));
}

Value Value::Set(Type element_type, std::vector<Value> elements) {
    return Value(Type::Set(std::move(element_type)),
                 ValueState::kKnown,
                 std::make_shared<const Payload>(Payload{std::move(elements)}));
}

Value Value::Tuple(std::vector<Value> elements) {
    std::vector<Type> types;
    types.reserve(elements.size());
    for (const auto& element : elements) {
        types.push_back(element.GetType());
    }
    return Value(Type::Tuple(std::move(types)),
                 ValueState::kKnown,
                 std::make_shared<const Payload>(Payload{std::move(elements)}));
}

Value Value::Map(Type element_type, std::map<std::string, Value> elements) {
    return Value(Type::Map(std::move(element_type)),
                 ValueState::kKnown,
                 std::make_shared<const Payload>(Payload{std::move(elements)}));
}

Value Value::Object(Type type, std::map<std::string, Value> attributes) {
    const auto& attribute_types = type.AttributeTypes();
    if (attributes.size() != attribute_types.size()) {
        throw std::logic_error("tfplugin::Value::Object: attribute count does not match the object type");
    }
    for (const auto& [name, attribute_type] : attribute_types) {
        if (attributes.find(name) == attributes.end()) {
            throw std::logic_error("tfplugin::Value::Object: missing attribute " + name);
        }
    }
    return Value(std::move(type), ValueState::kKnown, std::make_shared<const Payload>(Payload{std::move(attributes)}));
}

bool Value::IsWhollyKnown() const {
    if (IsUnknown())
        return false;
    if (IsNull() || GetType().IsPrimitive())
        return true;
    if (const auto* elements = std::get_if<std::vector<Value>>(&payload_->data)) {
        for (const auto& element : *elements) {
            if (!element.IsWhollyKnown())
                return false;
        }
    }
    if (const auto* attributes = std::get_if<std::map<std::string, Value>>(&payload_->data)) {
        for (const auto& [name, attribute] : *attributes) {
            if (!attribute.IsWhollyKnown())
                return false;
        }
    }
    return true;
}

const std::string& Value::AsString() const {
    if (!IsKnown())
        throw std::logic_error("tfplugin::Value: not a known string");
    return Expect<std::string>(payload_->data, "string");
}

const Number& Value::AsNumber() const {
    if (!IsKnown())
        throw std::logic_error("tfplugin::Value: not a known number");
    return Expect<Number>(payload_->data, "number");
}

bool Value::AsBool() const {
    if (!IsKnown())
        throw std::logic_error("tfplugin::Value: not a known bool");
    return Expect<bool>(payload_->data, "bool");
}

const std::vector<Value>& Value::Elements() const {
    if (!IsKnown())
        throw std::logic_error("tfplugin::Value: not a known list, set or tuple");
    return Expect<std::vector<Value>>(payload_->data, "list, set or tuple");
}

const std::map<std::string, Value>& Value::Attributes() const {
    if (!IsKnown())
        throw std::logic_error("tfplugin::Value: not a known map or object");
    return Expect<std::map<std::string, Value>>(payload_->data, "map or object");
}

const Value& Value::Attribute(std::string_view name) const {
    const auto& attributes = Attributes();
    auto found = attributes.find(std::string(name));
    if (found == attributes.end()) {
        throw std::logic_error("tfplugin::Value: no attribute " + std::string(name));
    }
    return found->second;
}

Value Value::WithAttribute(const std::string& name, Value value) const {
    auto attributes = Attributes();
    auto found = attributes.find(name);
    if (found == attributes.end()) {
        throw std::logic_error("tfplugin::Value: no attribute " + name);
    }
    found->second = std::move(value);
    return Value(type_, ValueState::kKnown, std::make_shared<const Payload>(Payload{std::move(attributes)}));
}

const UnknownRefinements& Value::Refinements() const {
    if (!IsUnknown())
        throw std::logic_error("tfplugin::Value: refinements of a value that is not unknown");
    return Expect<UnknownRefinements>(payload_->data, "unknown");
}

namespace {

bool ContainsAll(const std::vector<Value>& haystack, const std::vector<Value>& needles) {
    std::unordered_multimap<std::size_t, const Value*> index;
    index.reserve(haystack.size());
    for (const auto& element : haystack) {
        index.emplace(HashValue(element), &element);
    }
    for (const auto& needle : needles) {
        auto [first, last] = index.equal_range(HashValue(needle));
        if (std::none_of(first, last, [&](const auto& entry) { return *entry.second == needle; })) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool operator==(const Value& a, const Value& b) {
    if (a.state_ != b.state_ || !(a.type_ == b.type_))
        return false;
    if (a.IsNull())
        return true;
    if (a.IsUnknown())
        return a.Refinements() == b.Refinements();
    if (a.payload_ == b.payload_)
        return true;
    if (a.type_.Kind() != TypeKind::kSet)
        return a.payload_->data == b.payload_->data;
    // Sets have no order: equal when each element of one is found in the other, both ways (a
    // set decoded from the wire may repeat an element). A hash index keeps this linear.
    return ContainsAll(a.Elements(), b.Elements()) && ContainsAll(b.Elements(), a.Elements());
}

}  // namespace tfplugin
