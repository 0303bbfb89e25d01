#pragma once

#include <httplib.h>

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace emulator {

/// gRPC codes the emulator answers with.
enum Code : int {
    kInvalidArgument = 3,
    kNotFound = 5,
    kPermissionDenied = 7,
    kFailedPrecondition = 9,
    kUnauthenticated = 16,
};

/// Answers an error the way Yandex Cloud's REST gateway does: HTTP status from the gRPC code,
/// body {code, message, details: [RequestInfo]}, and an x-request-id header.
void SendError(httplib::Response& response, int code, const std::string& message);
void SendJson(httplib::Response& response, const nlohmann::json& body);
int HttpStatusFor(int code);

std::int64_t SteadyMilliseconds();

/// A 20-character id in Yandex Cloud's style: a 3-letter prefix and 17 random characters.
std::string NewId(const std::string& prefix);
std::string RandomToken(std::size_t bytes);
std::string Sha256Hex(std::string_view data);
std::string Base64UrlDecode(std::string_view text);

/// Characters of UTF-8 text, as the API counts lengths.
std::size_t CharacterCount(const std::string& text);

}  // namespace emulator
