#include "tfplugin/framework/definition.hpp"

namespace tfplugin::framework {

namespace {

void RunValidators(const AttributeRules& rules,
                   const Value& value,
                   const AttributePath& path,
                   Diagnostics& diagnostics) {
    for (const auto& validator : rules.validators) {
        validator(value, path, diagnostics);
    }
}

// The instances of a nested block inside an object value, each with its path.
std::vector<std::pair<Value, AttributePath>> BlockInstances(const Value& blocks, const std::string& block_name) {
    std::vector<std::pair<Value, AttributePath>> instances;
    if (!blocks.IsKnown())
        return instances;
    const auto root = AttributePath::Root(block_name);
    if (blocks.GetType().Kind() == TypeKind::kObject) {
        instances.emplace_back(blocks, root);
        return instances;
    }
    if (blocks.GetType().Kind() == TypeKind::kMap) {
        for (const auto& [key, instance] : blocks.Attributes()) {
            instances.emplace_back(instance, root.Key(key));
        }
        return instances;
    }
    const auto& elements = blocks.Elements();
    for (std::size_t i = 0; i < elements.size(); ++i) {
        instances.emplace_back(elements[i], root.Index(static_cast<std::int64_t>(i)));
    }
    return instances;
}

}  // namespace

void ValidateAttributes(const Definition& definition, const Value& config, Diagnostics& diagnostics) {
    if (!config.IsKnown())
        return;
    // Terraform itself only marks deprecated attributes in the schema; the message reaches the
    // user as a warning from validation, as with Terraform's own SDKs.
    for (const auto& attribute : definition.schema.block.attributes) {
        if (attribute.deprecated && !config.Attribute(attribute.name).IsNull()) {
            diagnostics.AddAttributeWarning(
                AttributePath::Root(attribute.name), "Deprecated attribute", attribute.deprecation_message);
        }
    }
    for (const auto& [key, rules] : definition.rules) {
        const auto dot = key.find('.');
        if (dot == std::string::npos) {
            RunValidators(rules, config.Attribute(key), AttributePath::Root(key), diagnostics);
            continue;
        }
        const auto block_name = key.substr(0, dot);
        const auto attribute_name = key.substr(dot + 1);
        for (const auto& [instance, path] : BlockInstances(config.Attribute(block_name), block_name)) {
            if (!instance.IsKnown())
                continue;
            RunValidators(rules, instance.Attribute(attribute_name), path.Attribute(attribute_name), diagnostics);
        }
    }
}

}  // namespace tfplugin::framework
