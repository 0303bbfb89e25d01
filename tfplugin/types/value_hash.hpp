#pragma once

#include <cstddef>

#include "tfplugin/types/value.hpp"

namespace tfplugin {

/// A hash that agrees with operator== on Value: equal values hash equally (sets ignore their
/// order, unknowns hash by type kind alone). It lets checks over many elements, such as
/// uniqueness, run in linear time instead of comparing every pair.
std::size_t HashValue(const Value& value);

}  // namespace tfplugin
