#include "resources/common/api_key_rules.hpp"

#include "resources/common/api_key_limits.hpp"

namespace provider {

namespace limits = api_key_limits;
using namespace tfplugin::framework;

std::vector<Validator> ServiceAccountIdValidators() {
    return {StringNotEmpty(), StringLengthAtMost(limits::kServiceAccountIdLength)};
}

std::vector<Validator> DescriptionValidators() {
    return {StringLengthAtMost(limits::kDescriptionLength)};
}

std::vector<Validator> ScopesValidators() {
    return {SizeAtMost(limits::kScopeCount),
            ElementsUnique(),
            ElementsNotNull(),
            EachElement(StringNotEmpty()),
            EachElement(StringLengthAtMost(limits::kScopeLength))};
}

}  // namespace provider
