#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tfplugin/types/number.hpp"
#include "tfplugin/types/type.hpp"
#include "tfplugin/types/unknown_refinements.hpp"

namespace tfplugin {

/// Null is the zero value, as in terraform-plugin-framework: a value nobody set is null.
enum class ValueState : std::uint8_t { kNull = 0, kUnknown, kKnown };

/// A Terraform value: a type plus null, unknown (to be known after apply) or a known payload.
/// Immutable and cheap to copy. Accessors for the wrong kind of payload throw std::logic_error:
/// that is a bug in the caller, never a user error.
class Value {
public:
    /// A null value of dynamic type.
    Value();

    static Value Null(Type type);
    static Value Unknown(Type type, UnknownRefinements refinements = {});
    static Value String(std::string value);
    static Value FromNumber(Number value);
    static Value Bool(bool value);
    static Value List(Type element_type, std::vector<Value> elements);
    static Value Set(Type element_type, std::vector<Value> elements);
    static Value Tuple(std::vector<Value> elements);
    static Value Map(Type element_type, std::map<std::string, Value> elements);
    /// An object; every attribute of `type` must be present, the types must agree.
    static Value Object(Type type, std::map<std::string, Value> attributes);

    [[nodiscard]] const Type& GetType() const { return type_; }
    [[nodiscard]] ValueState State() const { return state_; }
    [[nodiscard]] bool IsNull() const { return state_ == ValueState::kNull; }
    [[nodiscard]] bool IsUnknown() const { return state_ == ValueState::kUnknown; }
    [[nodiscard]] bool IsKnown() const { return state_ == ValueState::kKnown; }
    /// Known, and so is everything inside it.
    [[nodiscard]] bool IsWhollyKnown() const;

    [[nodiscard]] const std::string& AsString() const;
    [[nodiscard]] const Number& AsNumber() const;
    [[nodiscard]] bool AsBool() const;
    /// Elements of a list, set or tuple.
    [[nodiscard]] const std::vector<Value>& Elements() const;
    /// Elements of a map or attributes of an object.
    [[nodiscard]] const std::map<std::string, Value>& Attributes() const;
    /// One attribute of a known object.
    [[nodiscard]] const Value& Attribute(std::string_view name) const;
    /// A copy of this known object with one attribute replaced.
    [[nodiscard]] Value WithAttribute(const std::string& name, Value value) const;
    [[nodiscard]] const UnknownRefinements& Refinements() const;

    friend bool operator==(const Value& a, const Value& b);

private:
    struct Payload;
    Value(Type type, ValueState state, std::shared_ptr<const Payload> payload);

    Type type_;
    ValueState state_ = ValueState::kNull;
    std::shared_ptr<const Payload> payload_;
};

}  // namespace tfplugin
