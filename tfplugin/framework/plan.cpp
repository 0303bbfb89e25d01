#include "tfplugin/framework/plan.hpp"

namespace tfplugin::framework {

namespace {

// Whether a configuration value means what the prior value already is, so the plan may keep the
// prior one (Terraform allows that when both are set: it is how a provider says "no change").
bool MeansThePriorValue(const Definition& definition,
                        const Attribute& attribute,
                        const Value& config,
                        const Value& prior) {
    const auto* rules = definition.RulesOf(attribute.name);
    if (rules == nullptr || !config.IsKnown() || !prior.IsKnown() || config == prior)
        return false;
    // "Not set" on a computed attribute leaves the choice to the remote side: what it chose stays.
    if (attribute.IsComputed() && rules->empty_means_unset &&
        SetsAttribute(definition, attribute.name, config) == false)
        return true;
    return rules->equivalent && rules->equivalent(config, prior);
}

// An empty value the configuration wrote for a computed attribute, and no longer writes: the state
// goes back to showing what the remote side chose, which only the apply can tell.
bool NoLongerWrittenEmpty(const Definition& definition,
                          const Attribute& attribute,
                          const Value& config,
                          const Value& prior) {
    const auto* rules = definition.RulesOf(attribute.name);
    return attribute.IsComputed() && rules != nullptr && rules->empty_means_unset && config.IsNull() &&
           prior.IsKnown() && SetsAttribute(definition, attribute.name, prior) == false;
}

// The proposed state with the prior value kept wherever the configuration means the same, and
// the remote side's choice asked for again wherever an empty value is no longer written.
Value KeepEquivalentPriorValues(const Definition& definition,
                                const Value& prior_state,
                                const Value& proposed_state,
                                const Value& config) {
    auto planned = proposed_state;
    for (const auto& attribute : definition.schema.block.attributes) {
        const auto& prior = prior_state.Attribute(attribute.name);
        const auto& written = config.Attribute(attribute.name);
        if (MeansThePriorValue(definition, attribute, written, prior))
            planned = planned.WithAttribute(attribute.name, prior);
        else if (NoLongerWrittenEmpty(definition, attribute, written, prior))
            planned = planned.WithAttribute(attribute.name, Value::Unknown(attribute.type));
    }
    return planned;
}

}  // namespace

PlanChores RunPlanChores(const Definition& definition,
                         const Value& prior_state,
                         const Value& proposed_state,
                         const Value& config) {
    PlanChores chores{proposed_state, {}};
    if (proposed_state.IsNull() || !proposed_state.IsKnown()) {
        return chores;
    }
    const bool creating = prior_state.IsNull();
    auto planned =
        creating ? proposed_state : KeepEquivalentPriorValues(definition, prior_state, proposed_state, config);
    // Nothing changed: the plan is the prior state and stays stable from one plan to the next.
    if (!creating && planned == prior_state) {
        chores.planned_state = planned;
        return chores;
    }
    for (const auto& attribute : definition.schema.block.attributes) {
        if (!attribute.IsComputed() || !config.Attribute(attribute.name).IsNull())
            continue;
        const auto* rules = definition.RulesOf(attribute.name);
        if (!creating && !planned.Attribute(attribute.name).IsUnknown() && rules != nullptr &&
            rules->use_state_for_unknown) {
            planned = planned.WithAttribute(attribute.name, prior_state.Attribute(attribute.name));
        } else {
            planned = planned.WithAttribute(attribute.name, Value::Unknown(attribute.type));
        }
    }
    chores.planned_state = planned;
    if (creating)
        return chores;
    for (const auto& attribute : definition.schema.block.attributes) {
        const auto* rules = definition.RulesOf(attribute.name);
        if (rules != nullptr && rules->requires_replace && Changed(definition, planned, prior_state, attribute.name)) {
            chores.requires_replace.push_back(AttributePath::Root(attribute.name));
        }
    }
    return chores;
}

}  // namespace tfplugin::framework
