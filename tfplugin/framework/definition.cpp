#include "tfplugin/framework/definition.hpp"

namespace tfplugin::framework {

namespace {

// An empty string, or a collection without elements, of a known value.
bool IsEmpty(const Value& value) {
    switch (value.GetType().Kind()) {
        case TypeKind::kString:
            return value.AsString().empty();
        case TypeKind::kList:
        case TypeKind::kSet:
        case TypeKind::kTuple:
            return value.Elements().empty();
        case TypeKind::kMap:
            return value.Attributes().empty();
        default:
            return false;
    }
}

// Empty and meant as "not set": validators and conflict checks have nothing to look at.
bool IsUnsetEmpty(const AttributeRules& rules, const Value& value) {
    return rules.empty_means_unset && value.IsKnown() && IsEmpty(value);
}

void RunValidators(const AttributeRules& rules,
                   const Value& value,
                   const AttributePath& path,
                   Diagnostics& diagnostics) {
    if (IsUnsetEmpty(rules, value))
        return;
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

void CheckConflicts(const Definition& definition, const Value& config, Diagnostics& diagnostics) {
    for (const auto& [name, rules] : definition.rules) {
        if (rules.conflicts_with.empty() || definition.schema.block.FindAttribute(name) == nullptr ||
            IsSet(definition, config, name) != true)
            continue;
        for (const auto& other : rules.conflicts_with) {
            if (IsSet(definition, config, other) == true) {
                diagnostics.AddAttributeError(AttributePath::Root(name),
                                              "Conflicting attributes",
                                              "Set either \"" + name + "\" or \"" + other +
                                                  "\", not both: remove one of them or set it to null.");
            }
        }
    }
}

}  // namespace

const AttributeRules* Definition::RulesOf(const std::string& key) const {
    const auto found = rules.find(key);
    return found == rules.end() ? nullptr : &found->second;
}

std::optional<bool> IsSet(const Definition& definition, const Value& object, const std::string& name) {
    if (object.IsNull())
        return false;
    if (!object.IsKnown())
        return std::nullopt;
    return SetsAttribute(definition, name, object.Attribute(name));
}

std::optional<bool> SetsAttribute(const Definition& definition, const std::string& name, const Value& value) {
    if (value.IsNull())
        return false;
    if (!value.IsKnown())
        return std::nullopt;
    // A nested block written nowhere arrives as an empty list, never as null.
    const bool is_block = definition.schema.block.FindBlock(name) != nullptr;
    const auto* rules = definition.RulesOf(name);
    if (IsEmpty(value) && (is_block || (rules != nullptr && rules->empty_means_unset)))
        return false;
    return true;
}

bool Changed(const Definition& definition, const Value& after, const Value& before, const std::string& name) {
    if (IsSet(definition, after, name) == false && IsSet(definition, before, name) == false)
        return false;
    return !(after.Attribute(name) == before.Attribute(name));
}

bool AttributeChanged(const Definition& definition, const std::string& name, const Value& after, const Value& before) {
    if (SetsAttribute(definition, name, after) == false && SetsAttribute(definition, name, before) == false)
        return false;
    return !(after == before);
}

void ValidateAttributes(const Definition& definition, const Value& config, Diagnostics& diagnostics) {
    if (!config.IsKnown())
        return;
    // Terraform itself only marks deprecated attributes in the schema; the message reaches the
    // user as a warning from validation, as with Terraform's own SDKs. Only a value that surely
    // sets the attribute warns: a module's `scope = var.scope` is unknown here, and null usually.
    for (const auto& attribute : definition.schema.block.attributes) {
        if (attribute.deprecated && IsSet(definition, config, attribute.name) == true) {
            diagnostics.AddAttributeWarning(
                AttributePath::Root(attribute.name), "Deprecated attribute", attribute.deprecation_message);
        }
    }
    CheckConflicts(definition, config, diagnostics);
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
