#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// google.protobuf.Timestamp as Yandex Cloud's REST gateway reads and writes it (proto3 JSON).
namespace emulator {

/// A point in time with nanosecond precision, like google.protobuf.Timestamp.
struct Timestamp {
    std::int64_t seconds = 0;  ///< since 1970-01-01T00:00:00Z
    std::int32_t nanos = 0;    ///< 0 .. 999'999'999, always added to `seconds`

    auto operator<=>(const Timestamp&) const = default;
};

/// An RFC 3339 timestamp with any offset and 0-9 fraction digits, or nothing when malformed.
std::optional<Timestamp> ParseRfc3339(std::string_view text);
/// proto3 JSON's form: UTC with `Z`, and a fraction of 3, 6 or 9 digits only when it is not zero
/// (the fewest of those that keep every digit).
std::string FormatRfc3339(Timestamp timestamp);
/// `text` in the form FormatRfc3339 writes, or `text` itself when it is not a timestamp.
std::string CanonicalRfc3339(const std::string& text);

Timestamp NowTimestamp();
Timestamp PlusSeconds(Timestamp timestamp, std::int64_t seconds);
Timestamp PlusMilliseconds(Timestamp timestamp, std::int64_t milliseconds);
Timestamp TruncatedToSeconds(Timestamp timestamp);
std::int64_t NowEpochSeconds();

}  // namespace emulator
