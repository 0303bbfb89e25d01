#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace ycloud {

/// Parses the RFC 3339 timestamps of Yandex Cloud's JSON (proto3 Timestamp: UTC with `Z` and
/// 0-9 fractional digits; an explicit offset is accepted too), to whole seconds.
std::optional<std::chrono::system_clock::time_point> ParseApiTimestamp(std::string_view text);

}  // namespace ycloud
