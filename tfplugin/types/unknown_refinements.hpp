#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tfplugin/types/number.hpp"

namespace tfplugin {

/// What Terraform already knows about a value it cannot know yet (msgpack extension 12):
/// whether it can be null, a string prefix, number bounds, collection length bounds.
/// We parse them so refined unknowns from newer Terraform are understood; we never send any.
struct UnknownRefinements {
    struct NumberBound {
        Number value;
        bool inclusive = false;
        friend bool operator==(const NumberBound&, const NumberBound&) = default;
    };

    std::optional<bool> definitely_not_null;
    std::optional<std::string> string_prefix;
    std::optional<NumberBound> number_lower_bound;
    std::optional<NumberBound> number_upper_bound;
    std::optional<std::int64_t> collection_length_min;
    std::optional<std::int64_t> collection_length_max;

    friend bool operator==(const UnknownRefinements&, const UnknownRefinements&) = default;
};

}  // namespace tfplugin
