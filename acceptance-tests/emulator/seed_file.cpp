#include "acceptance-tests/emulator/seed_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace emulator {

namespace {

// nlohmann's messages start with an id such as "[json.exception.type_error.302] ".
std::string WithoutExceptionId(const std::string& message) {
    const auto end = message.find("] ");
    return message.rfind("[json.exception.", 0) == 0 && end != std::string::npos ? message.substr(end + 2) : message;
}

}  // namespace

nlohmann::json ReadSeedFile(const std::string& path) {
    std::ifstream file(path);
    if (!file)
        throw std::runtime_error("cannot read seed file " + path + ": " + std::strerror(errno));
    std::stringstream content;
    content << file.rdbuf();
    try {
        auto seed = nlohmann::json::parse(content.str());
        if (!seed.is_object())
            throw std::runtime_error("seed file " + path + " is not a JSON object");
        return seed;
    } catch (const nlohmann::json::parse_error& error) {
        // Only the position: nlohmann's message quotes the text around it, which may be a token.
        throw std::runtime_error("seed file " + path + " is not valid JSON (at byte " + std::to_string(error.byte) +
                                 ")");
    }
}

void MergeSeed(State& state, const nlohmann::json& seed, const std::string& source) {
    if (!seed.is_object())
        throw std::runtime_error(source + " is not a JSON object");
    State merged = state;  // a malformed seed must not leave half of itself behind
    // One field at a time, so that the message can name the one that is wrong.
    for (const auto& [field, value] : seed.items()) {
        try {
            merged.Merge(nlohmann::json{{field, value}});
        } catch (const std::exception& error) {
            throw std::runtime_error(source + ": " + field + ": " + WithoutExceptionId(error.what()));
        }
    }
    state = std::move(merged);
}

}  // namespace emulator
