#include "tfplugin/framework/timestamp.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace tfplugin::framework {

namespace {

// Reads exactly `width` digits at `pos`.
std::optional<int> Digits(std::string_view text, std::size_t pos, std::size_t width) {
    if (pos + width > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + width; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

bool At(std::string_view text, std::size_t pos, char expected) {
    return pos < text.size() && text[pos] == expected;
}

}  // namespace

std::optional<Timestamp> Timestamp::ParseRfc3339(std::string_view text) {
    const auto year = Digits(text, 0, 4);
    const auto month = Digits(text, 5, 2);
    const auto day = Digits(text, 8, 2);
    const auto hour = Digits(text, 11, 2);
    const auto minute = Digits(text, 14, 2);
    const auto second = Digits(text, 17, 2);
    if (!year || !month || !day || !hour || !minute || !second || !At(text, 4, '-') || !At(text, 7, '-') ||
        !(At(text, 10, 'T') || At(text, 10, 't')) || !At(text, 13, ':') || !At(text, 16, ':')) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date{std::chrono::year{*year},
                                           std::chrono::month{static_cast<unsigned>(*month)},
                                           std::chrono::day{static_cast<unsigned>(*day)}};
    // RFC 3339 allows a leap second (60); like Go's time package we do not.
    if (!date.ok() || *hour > 23 || *minute > 59 || *second > 59) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    std::int64_t nanos = 0;
    if (At(text, pos, '.')) {
        ++pos;
        std::size_t digits = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (digits < 9)
                nanos = nanos * 10 + (text[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0)
            return std::nullopt;
        for (std::size_t i = digits; i < 9; ++i)
            nanos *= 10;
    }
    std::int64_t offset_seconds = 0;
    if (At(text, pos, 'Z') || At(text, pos, 'z')) {
        ++pos;
    } else if (At(text, pos, '+') || At(text, pos, '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        const auto offset_hours = Digits(text, pos + 1, 2);
        const auto offset_minutes = Digits(text, pos + 4, 2);
        if (!offset_hours || !offset_minutes || !At(text, pos + 3, ':') || *offset_hours > 23 || *offset_minutes > 59) {
            return std::nullopt;
        }
        offset_seconds = sign * (*offset_hours * 3600 + *offset_minutes * 60);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != text.size())
        return std::nullopt;

    const auto days = std::chrono::sys_days(date).time_since_epoch().count();
    Timestamp timestamp;
    timestamp.seconds = days * 86400 + *hour * 3600 + *minute * 60 + *second - offset_seconds;
    timestamp.nanos = static_cast<std::int32_t>(nanos);
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
