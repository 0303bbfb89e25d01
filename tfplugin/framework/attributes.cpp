#include "tfplugin/framework/attributes.hpp"

namespace tfplugin::framework {

namespace {

Attribute Make(std::string name, Type type, AttributeMode mode, std::string description) {
    Attribute attribute;
    attribute.name = std::move(name);
    attribute.type = std::move(type);
    attribute.mode = mode;
    attribute.description = std::move(description);
    return attribute;
}

}  // namespace

Attribute Required(std::string name, Type type, std::string description) {
    return Make(std::move(name), std::move(type), AttributeMode::kRequired, std::move(description));
}

Attribute Optional(std::string name, Type type, std::string description) {
    return Make(std::move(name), std::move(type), AttributeMode::kOptional, std::move(description));
}

Attribute Computed(std::string name, Type type, std::string description) {
    return Make(std::move(name), std::move(type), AttributeMode::kComputed, std::move(description));
}

Attribute OptionalComputed(std::string name, Type type, std::string description) {
    return Make(std::move(name), std::move(type), AttributeMode::kOptionalComputed, std::move(description));
}

Attribute Sensitive(Attribute attribute) {
    attribute.sensitive = true;
    return attribute;
}

Attribute Deprecated(Attribute attribute, std::string message) {
    attribute.deprecated = true;
    attribute.deprecation_message = std::move(message);
    return attribute;
}

}  // namespace tfplugin::framework
