#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tfplugin::framework {

/// An instant parsed from RFC 3339 text, kept as UTC seconds plus nanoseconds so that two
/// spellings of the same instant (another UTC offset, trailing zeros) compare equal.
struct Timestamp {
    std::int64_t seconds = 0;  ///< since 1970-01-01T00:00:00Z (negative before)
    std::int32_t nanos = 0;

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; T and Z may be lowercase.
    static std::optional<Timestamp> ParseRfc3339(std::string_view text);
    /// UTC with `Z`, and a fraction only when there is one (trailing zeros dropped).
    [[nodiscard]] std::string ToRfc3339() const;

    friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

}  // namespace tfplugin::framework
