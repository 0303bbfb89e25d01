#pragma once

#include <functional>
#include <map>
#include <optional>
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
    /// An empty string or collection means the same as leaving the attribute out, as Terraform's
    /// SDKv2 reads configurations: modules pass `""` and `[]` as their "not set" defaults.
    /// Validators and conflict checks let it pass, a change between empty and null never
    /// replaces the object, and the empty value a configuration holds stays in state however the
    /// remote side reports the unset attribute (for a computed attribute: whatever it chose).
    bool empty_means_unset = false;
    /// Other attributes of the same block that must not be set together with this one. Only
    /// values that are surely set conflict: null, unknown and empty-means-unset values never do.
    std::vector<std::string> conflicts_with;
    /// When a new configuration value means the same as the prior state's (two spellings of one
    /// instant, say), the plan keeps the prior value, so nothing shows as a change. Called with
    /// two known values.
    std::function<bool(const Value& config, const Value& prior)> equivalent;
};

/// A schema together with the rules of its attributes, keyed by attribute name, or by
/// "block.attribute" for attributes of a nested block. Nested-block rules take validators only:
/// the other rules apply to top-level attributes.
struct Definition {
    Schema schema;
    std::map<std::string, AttributeRules> rules;

    /// The rules of `key`, or nullptr when it has none.
    [[nodiscard]] const AttributeRules* RulesOf(const std::string& key) const;
};

/// Whether `object` (a configuration, plan or state) sets the attribute `name`: false when it is
/// null, an empty nested block list, or empty under `empty_means_unset`; nullopt while unknown.
std::optional<bool> IsSet(const Definition& definition, const Value& object, const std::string& name);
/// The same for `value`, a value of the attribute `name`.
std::optional<bool> SetsAttribute(const Definition& definition, const std::string& name, const Value& value);

/// Whether the attribute `name` differs between two objects, where "not set" in both (see
/// IsSet) is no difference.
bool Changed(const Definition& definition, const Value& after, const Value& before, const std::string& name);
/// The same for two values of the attribute `name` (a typed model's fields).
bool AttributeChanged(const Definition& definition, const std::string& name, const Value& after, const Value& before);

/// Runs every attribute validator of the definition on a configuration value. Nested block
/// attributes are checked in each block instance, with the instance's index in the path.
/// A deprecated top-level attribute that is set gets a warning with its deprecation message, and
/// two set attributes that conflict get an error. Empty-means-unset values are not validated.
void ValidateAttributes(const Definition& definition, const Value& config, Diagnostics& diagnostics);

}  // namespace tfplugin::framework
