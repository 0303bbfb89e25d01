#include "client/timestamp.hpp"

#include <ctime>
#include <string>

namespace ycloud {

namespace {

// 1700-01-01 and 2200-01-01 UTC: well inside what std::chrono::system_clock can hold.
constexpr std::time_t kEarliest = -8'520'336'000;
constexpr std::time_t kLatest = 7'258'118'400;

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> ParseApiTimestamp(std::string_view text) {
    std::tm parts{};
    const std::string copy(text);
    const char* rest = strptime(copy.c_str(), "%Y-%m-%dT%H:%M:%S", &parts);
    if (rest == nullptr)
        return std::nullopt;
    if (*rest == '.') {
        ++rest;
        if (*rest < '0' || *rest > '9')
            return std::nullopt;
        while (*rest >= '0' && *rest <= '9')
            ++rest;  // sub-second precision is not needed here
    }
    long offset_seconds = 0;
    if (*rest == 'Z' || *rest == 'z') {
        ++rest;
    } else if ((*rest == '+' || *rest == '-') && std::string_view(rest).size() == 6 && rest[3] == ':' &&
               IsDigit(rest[1]) && IsDigit(rest[2]) && IsDigit(rest[4]) && IsDigit(rest[5])) {
        const int sign = *rest == '-' ? -1 : 1;
        offset_seconds =
            sign * (((rest[1] - '0') * 10 + (rest[2] - '0')) * 3600 + ((rest[4] - '0') * 10 + (rest[5] - '0')) * 60);
        rest += 6;
    } else {
        return std::nullopt;
    }
    if (*rest != '\0')
        return std::nullopt;
    const std::time_t utc = timegm(&parts) - offset_seconds;
    // system_clock counts nanoseconds in 64 bits: only years 1678 to 2262 fit, and an answer
    // outside them (a year 1013 from a broken server) must not overflow the conversion.
    if (utc < kEarliest || utc > kLatest)
        return std::nullopt;
    return std::chrono::system_clock::from_time_t(utc);
}

}  // namespace ycloud
