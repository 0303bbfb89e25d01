#include "tfplugin/framework/timestamp.hpp"

#include <absl/time/time.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <string>

namespace tfplugin::framework {

namespace {

// RFC 3339's grammar, which absl::ParseTime alone reads too loosely for what users write (it
// skips spaces, takes "+0300" and a 60th second): `dddd-dd-ddTdd:dd:dd[.d+](Z|±dd:dd)`.
bool HasRfc3339Shape(std::string_view text) {
    constexpr std::string_view kDateTime = "dddd-dd-ddTdd:dd:dd";
    if (text.size() < kDateTime.size())
        return false;
    for (std::size_t i = 0; i < kDateTime.size(); ++i) {
        const char want = kDateTime[i];
        const char got = text[i];
        const bool fits = want == 'd' ? std::isdigit(static_cast<unsigned char>(got)) != 0
                                      : (got == want || (want == 'T' && got == 't'));
        if (!fits)
            return false;
    }
    if (text.substr(17, 2) == "60")
        return false;  // a leap second: RFC 3339 allows it, Go's time package (and so the API) does not
    auto rest = text.substr(kDateTime.size());
    if (!rest.empty() && rest.front() == '.') {
        const auto digits = rest.find_first_not_of("0123456789", 1);
        if (digits == 1)
            return false;
        rest.remove_prefix(digits == std::string_view::npos ? rest.size() : digits);
    }
    if (rest == "Z" || rest == "z")
        return true;
    return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') &&
           std::isdigit(static_cast<unsigned char>(rest[1])) && std::isdigit(static_cast<unsigned char>(rest[2])) &&
           rest[3] == ':' && std::isdigit(static_cast<unsigned char>(rest[4])) &&
           std::isdigit(static_cast<unsigned char>(rest[5]));
}

}  // namespace

std::optional<Timestamp> Timestamp::ParseRfc3339(std::string_view text) {
    if (!HasRfc3339Shape(text))
        return std::nullopt;
    // The calendar (no 29 February 2025, no hour 24) and the offset are abseil's.
    absl::Time time;
    std::string error;  // says only "Failed to parse input"
    if (!absl::ParseTime(absl::RFC3339_full, absl::string_view(text.data(), text.size()), &time, &error))
        return std::nullopt;
    Timestamp timestamp;
    timestamp.seconds = absl::ToUnixSeconds(time);  // rounded toward the past, so nanos >= 0
    timestamp.nanos =
        static_cast<std::int32_t>(absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(timestamp.seconds)));
    return timestamp;
}

std::string Timestamp::ToRfc3339() const {
    const auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(std::chrono::seconds(seconds)));
    const std::chrono::year_month_day date(days);
    const std::chrono::hh_mm_ss time(std::chrono::sys_seconds(std::chrono::seconds(seconds)) - days);
    char buffer[64];
    std::snprintf(buffer,
                  sizeof buffer,
                  "%04d-%02u-%02uT%02d:%02d:%02d",
                  static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    std::string text = buffer;
    if (nanos != 0) {
        char fraction[16];
        std::snprintf(fraction, sizeof fraction, ".%09d", nanos);
        std::string digits = fraction;
        while (digits.back() == '0')
            digits.pop_back();
        text += digits;
    }
    return text + "Z";
}

}  // namespace tfplugin::framework
