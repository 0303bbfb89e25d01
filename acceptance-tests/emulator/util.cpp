#include "acceptance-tests/emulator/util.hpp"

#include <absl/strings/escaping.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

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

std::int64_t SteadyMilliseconds() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
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
    return absl::WebSafeBase64Escape(raw);
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
    std::string decoded;
    return absl::WebSafeBase64Unescape(absl::string_view(text.data(), text.size()), &decoded) ? decoded : "";
}

std::size_t CharacterCount(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0U) != 0x80U; }));
}

}  // namespace emulator
