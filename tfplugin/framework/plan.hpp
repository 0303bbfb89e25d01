#pragma once

#include <vector>

#include "tfplugin/framework/definition.hpp"
#include "tfplugin/types/value.hpp"

// The planning chores every resource shares, done once here so resources stay short
// (terraform-plugin-framework's server_planresourcechange.go does the same in Go).
namespace tfplugin::framework {

struct PlanChores {
    Value planned_state;
    std::vector<AttributePath> requires_replace;
};

/// From Terraform's proposed new state: on create, every computed attribute the configuration
/// leaves null becomes unknown; on update (when anything changed) too, except those whose rules
/// say to keep the prior value; attributes whose rules require replacement and whose planned
/// value differs from the prior one are listed. A destroy plan (null proposal) stays null.
PlanChores RunPlanChores(const Definition& definition,
                         const Value& prior_state,
                         const Value& proposed_state,
                         const Value& config);

}  // namespace tfplugin::framework
