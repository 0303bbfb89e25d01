#include "acceptance-tests/emulator/timestamp.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace emulator {

namespace {

constexpr std::int32_t kNanosPerSecond = 1'000'000'000;

// Reads exactly `count` decimal digits at `pos`, moving past them; nothing when they are not there.
std::optional<int> Digits(std::string_view text, std::size_t& pos, std::size_t count) {
    if (pos + count > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    pos += count;
    return value;
}

bool Expect(std::string_view text, std::size_t& pos, std::string_view one_of) {
    if (pos >= text.size() || one_of.find(text[pos]) == std::string_view::npos)
        return false;
    ++pos;
    return true;
}

// The fraction after the seconds ("" when absent) as nanoseconds; nothing when malformed.
std::optional<std::int32_t> Fraction(std::string_view text, std::size_t& pos) {
    if (pos >= text.size() || text[pos] != '.')
        return 0;
    const auto start = ++pos;
    std::int32_t nanos = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (pos - start == 9)
            return std::nullopt;  // proto3 keeps nanoseconds at most
        nanos = nanos * 10 + (text[pos] - '0');
        ++pos;
    }
    if (pos == start)
        return std::nullopt;
    for (auto digits = pos - start; digits < 9; ++digits)
        nanos *= 10;
    return nanos;
}

// Seconds east of UTC of a `Z` or `±HH:MM` suffix; nothing when malformed.
std::optional<std::int64_t> OffsetSeconds(std::string_view text, std::size_t& pos) {
    if (Expect(text, pos, "Zz"))
        return 0;
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-'))
        return std::nullopt;
    const int sign = text[pos++] == '-' ? -1 : 1;
    const auto hours = Digits(text, pos, 2);
    if (!hours || !Expect(text, pos, ":"))
        return std::nullopt;
    const auto minutes = Digits(text, pos, 2);
    if (!minutes || *hours > 23 || *minutes > 59)
        return std::nullopt;
    return sign * (*hours * 3600 + *minutes * 60);
}

}  // namespace

std::optional<Timestamp> ParseRfc3339(std::string_view text) {
    std::size_t pos = 0;
    const auto year = Digits(text, pos, 4);
    const bool date_ok = year && Expect(text, pos, "-");
    const auto month = date_ok ? Digits(text, pos, 2) : std::nullopt;
    const auto day = month && Expect(text, pos, "-") ? Digits(text, pos, 2) : std::nullopt;
    const auto hour = day && Expect(text, pos, "Tt") ? Digits(text, pos, 2) : std::nullopt;
    const auto minute = hour && Expect(text, pos, ":") ? Digits(text, pos, 2) : std::nullopt;
    const auto second = minute && Expect(text, pos, ":") ? Digits(text, pos, 2) : std::nullopt;
    if (!second)
        return std::nullopt;
    const auto nanos = Fraction(text, pos);
    if (!nanos)
        return std::nullopt;
    const auto offset = OffsetSeconds(text, pos);
    if (!offset || pos != text.size() || *month < 1 || *month > 12 || *day < 1 || *day > 31 || *hour > 23 ||
        *minute > 59 || *second > 59) {
        return std::nullopt;
    }
    std::tm parts{};
    parts.tm_year = *year - 1900;
    parts.tm_mon = *month - 1;
    parts.tm_mday = *day;
    parts.tm_hour = *hour;
    parts.tm_min = *minute;
    parts.tm_sec = *second;
    const std::time_t utc = timegm(&parts);
    std::tm check{};
    gmtime_r(&utc, &check);
    if (check.tm_mday != *day)
        return std::nullopt;  // 31 February and the like
    return Timestamp{static_cast<std::int64_t>(utc) - *offset, *nanos};
}

std::string FormatRfc3339(Timestamp timestamp) {
    const std::time_t t = timestamp.seconds;
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[48];
    const auto length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    std::string result(text, length);
    if (timestamp.nanos != 0) {
        char fraction[16];
        std::snprintf(fraction, sizeof fraction, ".%09d", static_cast<int>(timestamp.nanos));
        // 3, 6 or 9 digits: drop trailing zeros only in groups of three, as proto3 JSON does.
        std::string digits(fraction);
        while (digits.size() > 4 && digits.compare(digits.size() - 3, 3, "000") == 0)
            digits.resize(digits.size() - 3);
        result += digits;
    }
    return result + "Z";
}

std::string CanonicalRfc3339(const std::string& text) {
    const auto parsed = ParseRfc3339(text);
    return parsed ? FormatRfc3339(*parsed) : text;
}

Timestamp NowTimestamp() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now);
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(now - seconds);
    return {seconds.count(), static_cast<std::int32_t>(nanos.count())};
}

Timestamp PlusSeconds(Timestamp timestamp, std::int64_t seconds) {
    timestamp.seconds += seconds;
    return timestamp;
}

Timestamp PlusMilliseconds(Timestamp timestamp, std::int64_t milliseconds) {
    const std::int64_t nanos = timestamp.nanos + (milliseconds % 1000) * 1'000'000;
    timestamp.seconds += milliseconds / 1000 + nanos / kNanosPerSecond;
    timestamp.nanos = static_cast<std::int32_t>(nanos % kNanosPerSecond);
    if (timestamp.nanos < 0) {  // keep nanos in 0 .. 999'999'999 when going back in time
        timestamp.nanos += kNanosPerSecond;
        --timestamp.seconds;
    }
    return timestamp;
}

Timestamp TruncatedToSeconds(Timestamp timestamp) {
    return {timestamp.seconds, 0};
}

std::int64_t NowEpochSeconds() {
    return NowTimestamp().seconds;
}

}  // namespace emulator
