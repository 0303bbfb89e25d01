#pragma once

#include <map>
#include <string>
#include <vector>

#include "tfplugin/framework/validators.hpp"
#include "tfplugin/protocol/schema.hpp"

namespace tfplugin::framework {

/// What an attribute does beyond its wire schema.
struct AttributeRules {
    std::vector<Validator> validators;
    /// A change to this attribute destroys and re-creates the object.
    bool requires_replace = false;
    /// A computed attribute that keeps its prior value on update instead of becoming unknown.
    bool use_state_for_unknown = false;
};

/// A schema together with the rules of its attributes, keyed by attribute name, or by
/// "block.attribute" for attributes of a nested block.
struct Definition {
    Schema schema;
    std::map<std::string, AttributeRules> rules;
};

/// Runs every attribute validator of the definition on a configuration value. Nested block
/// attributes are checked in each block instance, with the instance's index in the path.
/// A deprecated top-level attribute that is set gets a warning with its deprecation message.
void ValidateAttributes(const Definition& definition, const Value& config, Diagnostics& diagnostics);

}  // namespace tfplugin::framework
