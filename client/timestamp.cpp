#include "client/timestamp.hpp"

#include <absl/time/time.h>

#include <string>

namespace ycloud {

namespace {

// 1700-01-01 and 2200-01-01 UTC: well inside what std::chrono::system_clock can hold.
const absl::Time kEarliest = absl::FromUnixSeconds(-8'520'336'000);
const absl::Time kLatest = absl::FromUnixSeconds(7'258'118'400);

}  // namespace

std::optional<std::chrono::system_clock::time_point> ParseApiTimestamp(std::string_view text) {
    absl::Time time;
    std::string error;  // says only "Failed to parse input"
    if (!absl::ParseTime(absl::RFC3339_full, absl::string_view(text.data(), text.size()), &time, &error))
        return std::nullopt;
    // system_clock counts nanoseconds in 64 bits: only years 1678 to 2262 fit, and an answer
    // outside them (a year 1013 from a broken server) must not overflow the conversion.
    if (time < kEarliest || time > kLatest)
        return std::nullopt;
    return std::chrono::system_clock::from_time_t(absl::ToTimeT(time));  // whole seconds are enough here
}

}  // namespace ycloud
