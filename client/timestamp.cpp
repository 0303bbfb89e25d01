#include "client/timestamp.hpp"

#include <ctime>
#include <string>

namespace ycloud {

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
    } else if ((*rest == '+' || *rest == '-') && std::string_view(rest).size() == 6 && rest[3] == ':') {
        const int sign = *rest == '-' ? -1 : 1;
        offset_seconds = sign * (std::stol(std::string(rest + 1, 2)) * 3600 + std::stol(std::string(rest + 4, 2)) * 60);
        rest += 6;
    } else {
        return std::nullopt;
    }
    if (*rest != '\0')
        return std::nullopt;
    const std::time_t utc = timegm(&parts) - offset_seconds;
    return std::chrono::system_clock::from_time_t(utc);
}

}  // namespace ycloud
