#pragma once

#include <vector>

#include "tfplugin/framework/validators.hpp"

// The API's limits as attribute validators, for every object that sends a service account, a
// description or scopes to the IAM ApiKey API: checked at plan time, the same way everywhere.
namespace provider {

std::vector<tfplugin::framework::Validator> ServiceAccountIdValidators();
std::vector<tfplugin::framework::Validator> DescriptionValidators();
/// At most 100 scopes, each unique, not null, not empty, and at most 256 characters.
std::vector<tfplugin::framework::Validator> ScopesValidators();

}  // namespace provider
