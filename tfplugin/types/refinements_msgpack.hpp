#pragma once

#include <string_view>

#include "tfplugin/types/unknown_refinements.hpp"

namespace tfplugin::detail {

/// Reads the payload of msgpack extension 12 (a map with small integer keys, see go-cty's
/// cty/msgpack/unknown.go). Refinements only narrow an unknown value, so a payload we cannot
/// read entirely keeps what was read before the problem; unknown keys are skipped.
UnknownRefinements ParseRefinements(std::string_view payload);

}  // namespace tfplugin::detail
