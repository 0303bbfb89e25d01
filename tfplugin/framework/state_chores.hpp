#pragma once

#include "tfplugin/framework/definition.hpp"
#include "tfplugin/types/value.hpp"

// What the framework does to a resource's new state after a read or an apply, so that the value
// a configuration holds survives the round trip through the remote side.
namespace tfplugin::framework {

/// `result` with the empty values of `written` (the prior state on read, the plan on apply) put
/// back for every attribute whose empty value means "not set": for a computed attribute always
/// (not set means "whatever the remote side chose"), otherwise when `result` does not set the
/// attribute either (the remote side reports it as null or empty).
Value KeepEmptyAsWritten(const Definition& definition, const Value& written, Value result);

}  // namespace tfplugin::framework
