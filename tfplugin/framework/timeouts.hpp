#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tfplugin/framework/definition.hpp"

// The `timeouts` block of Terraform's SDKs: `timeouts { create = "30m" }`, durations written as
// Go's time.ParseDuration reads them.
namespace tfplugin::framework {

/// A Go duration ("90s", "1h30m", "1.5h", "250ms"). Negative durations parse; callers decide.
std::optional<std::chrono::nanoseconds> ParseDuration(std::string_view text);

/// A positive duration in Go's notation.
Validator PositiveDuration();

/// A single nested block named "timeouts" with one optional duration per operation name
/// ("create", "read", "update", "delete"), and the rules that validate them.
void AddTimeoutsBlock(Definition& definition, const std::vector<std::string>& operations);

/// The configured timeout of `operation` in `object` (a state, plan or config value with a
/// timeouts block), or `fallback` when none is set.
std::chrono::nanoseconds TimeoutOf(const Value& object,
                                   const std::string& operation,
                                   std::chrono::nanoseconds fallback);
/// The same, given the timeouts block itself (a typed model's field).
std::chrono::nanoseconds TimeoutIn(const Value& block, const std::string& operation, std::chrono::nanoseconds fallback);

}  // namespace tfplugin::framework
