#include "acceptance-tests/emulator/util.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace emulator {

int HttpStatusFor(int code) {
    switch (code) {
        case 3:
        case 9:
        case 11:
            return 400;
        case 5:
            return 404;
        case 6:
        case 10:
            return 409;
        case 7:
            return 403;
        case 8:
            return 429;
        case 14:
            return 503;
        case 16:
            return 401;
        case 4:
            return 504;
        default:
            return 500;
    }
}

void SendJson(httplib::Response& response, const nlohmann::json& body) {
    response.status = 200;
    response.set_header("x-request-id", NewId("req"));
    response.set_content(body.dump(), "application/json");
}

void SendError(httplib::Response& response, int code, const std::string& message) {
    const auto request_id = NewId("req");
    response.status = HttpStatusFor(code);
    response.set_header("x-request-id", request_id);
    response.set_content(
        nlohmann::json{
            {"code", code},
            {"message", message},
            {"details", {{{"@type", "type.googleapis.com/google.rpc.RequestInfo"}, {"requestId", request_id}}}}}
            .dump(),
        "application/json");
}

std::string EpochSecondsToRfc3339(std::int64_t seconds) {
    const std::time_t t = seconds;
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string NowRfc3339() {
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now);
    const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(now - seconds).count();
    auto text = EpochSecondsToRfc3339(seconds.count());
    char fraction[16];
    std::snprintf(fraction, sizeof fraction, ".%09lldZ", static_cast<long long>(nanos));
    return text.substr(0, text.size() - 1) + fraction;
}

std::int64_t NowEpochSeconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::int64_t SteadyMilliseconds() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::optional<std::int64_t> ParseRfc3339Seconds(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int consumed = 0;
    const std::string copy(text);
    if (std::sscanf(
            copy.c_str(), "%4d-%2d-%2d%*1[Tt]%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute, &second, &consumed) !=
            6 ||
        consumed != 19) {
        return std::nullopt;
    }
    std::size_t pos = 19;
    if (pos < copy.size() && copy[pos] == '.') {
        const auto digits_start = ++pos;
        while (pos < copy.size() && std::isdigit(static_cast<unsigned char>(copy[pos])))
            ++pos;
        if (pos == digits_start || pos - digits_start > 9)
            return std::nullopt;
    }
    std::int64_t offset = 0;
    if (pos < copy.size() && (copy[pos] == 'Z' || copy[pos] == 'z')) {
        ++pos;
    } else if (pos + 6 == copy.size() && (copy[pos] == '+' || copy[pos] == '-') && copy[pos + 3] == ':') {
        const int sign = copy[pos] == '-' ? -1 : 1;
        offset = sign * (std::stoi(copy.substr(pos + 1, 2)) * 3600 + std::stoi(copy.substr(pos + 4, 2)) * 60);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != copy.size() || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
        second > 59) {
        return std::nullopt;
    }
    std::tm parts{};
    parts.tm_year = year - 1900;
    parts.tm_mon = month - 1;
    parts.tm_mday = day;
    parts.tm_hour = hour;
    parts.tm_min = minute;
    parts.tm_sec = second;
    const std::time_t utc = timegm(&parts);
    std::tm check{};
    gmtime_r(&utc, &check);
    if (check.tm_mday != day)
        return std::nullopt;  // 31 February and the like
    return static_cast<std::int64_t>(utc) - offset;
}

std::string NewId(const std::string& prefix) {
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuv0123456789";
    unsigned char random[17];
    RAND_bytes(random, sizeof random);
    std::string id = prefix;
    for (unsigned char byte : random)
        id.push_back(kAlphabet[byte % 32]);
    return id;
}

std::string RandomToken(std::size_t bytes) {
    std::string raw(bytes, '\0');
    RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes));
    std::string encoded(4 * ((bytes + 2) / 3), '\0');
    encoded.resize(static_cast<std::size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                                            reinterpret_cast<const unsigned char*>(raw.data()),
                                                            static_cast<int>(bytes))));
    std::replace(encoded.begin(), encoded.end(), '+', '-');
    std::replace(encoded.begin(), encoded.end(), '/', '_');
    encoded.erase(std::remove(encoded.begin(), encoded.end(), '='), encoded.end());
    return encoded;
}

std::string Sha256Hex(std::string_view data) {
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
    std::string hex;
    char pair[3];
    for (unsigned char byte : digest) {
        std::snprintf(pair, sizeof pair, "%02x", byte);
        hex += pair;
    }
    return hex;
}

std::string Base64UrlDecode(std::string_view text) {
    std::string standard(text);
    std::replace(standard.begin(), standard.end(), '-', '+');
    std::replace(standard.begin(), standard.end(), '_', '/');
    while (standard.size() % 4 != 0)
        standard += '=';
    std::string decoded(standard.size(), '\0');
    const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                                       reinterpret_cast<const unsigned char*>(standard.data()),
                                       static_cast<int>(standard.size()));
    if (length < 0)
        return {};
    const auto padding = static_cast<std::size_t>(std::count(standard.end() - 2, standard.end(), '='));
    decoded.resize(static_cast<std::size_t>(length) - padding);
    return decoded;
}

std::size_t CharacterCount(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0U) != 0x80U; }));
}

}  // namespace emulator
