#pragma once

#include "tfplugin/types/value.hpp"

namespace tfplugin {

/// The same value with every unknown inside it (at any depth) replaced by null of its type.
/// Terraform does the same to a new state that comes back with errors.
Value UnknownsToNull(const Value& value);

}  // namespace tfplugin
