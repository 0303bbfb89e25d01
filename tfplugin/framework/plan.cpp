#include "tfplugin/framework/plan.hpp"

namespace tfplugin::framework {

namespace {

bool KeepsPriorValue(const Definition& definition, const std::string& name) {
    auto found = definition.rules.find(name);
    return found != definition.rules.end() && found->second.use_state_for_unknown;
}

bool RequiresReplace(const Definition& definition, const std::string& name) {
    auto found = definition.rules.find(name);
    return found != definition.rules.end() && found->second.requires_replace;
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
    // Nothing changed: the plan is the prior state and stays stable from one plan to the next.
    if (!creating && proposed_state == prior_state) {
        return chores;
    }
    auto planned = proposed_state;
    for (const auto& attribute : definition.schema.block.attributes) {
        if (!attribute.IsComputed() || !config.Attribute(attribute.name).IsNull())
            continue;
        if (!creating && KeepsPriorValue(definition, attribute.name)) {
            planned = planned.WithAttribute(attribute.name, prior_state.Attribute(attribute.name));
        } else {
            planned = planned.WithAttribute(attribute.name, Value::Unknown(attribute.type));
        }
    }
    chores.planned_state = planned;
    if (creating)
        return chores;
    for (const auto& attribute : definition.schema.block.attributes) {
        if (RequiresReplace(definition, attribute.name) &&
            !(planned.Attribute(attribute.name) == prior_state.Attribute(attribute.name))) {
            chores.requires_replace.push_back(AttributePath::Root(attribute.name));
        }
    }
    return chores;
}

}  // namespace tfplugin::framework
