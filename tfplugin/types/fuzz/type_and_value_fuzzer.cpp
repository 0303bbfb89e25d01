// libFuzzer target for the value codecs: a type (JSON text, as dynamic values and schemas carry
// it) and a value in msgpack or JSON, decoded against it and, when that works, encoded and decoded
// again. Input: one format byte (even: msgpack, odd: JSON), the type's JSON text, a NUL byte, then
// the value. Without a NUL the whole rest is a value of dynamic type.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "tfplugin/types/codec.hpp"
#include "tfplugin/types/decode_error.hpp"

namespace {

std::optional<tfplugin::Type> ReadType(std::string_view text) {
    // Type JSON comes from the schema or from inside a dynamic value; either way, the typed
    // decoder is what reads it on the wire, so malformed text just means "no such type".
    try {
        const auto json = nlohmann::json::parse(text);
        return tfplugin::Type::FromJson(json);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const bool json = (data[0] & 1U) != 0;
    std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    auto type = std::optional<tfplugin::Type>(tfplugin::Type::Dynamic());
    if (const auto nul = rest.find('\0'); nul != std::string_view::npos) {
        // nlohmann's DOM parser is iterative, but a type nested past the limit must come back
        // as nothing, never recurse without bound.
        type = ReadType(rest.substr(0, nul));
        rest.remove_prefix(nul + 1);
    }
    if (!type)
        return 0;
    try {
        const auto value = json ? tfplugin::DecodeJson(rest, *type) : tfplugin::DecodeMsgpack(rest, *type);
        const auto encoded = tfplugin::EncodeMsgpack(value, *type);
        const auto again = tfplugin::DecodeMsgpack(encoded, *type);
        // Unknowns lose their refinements when we encode them (we never send refinements), so only
        // wholly known values must come back exactly as they were.
        if (value.IsWhollyKnown() && !(again == value))
            std::abort();
    } catch (const tfplugin::DecodeError&) {
        // the expected answer to a malformed value
    }
    return 0;
}
