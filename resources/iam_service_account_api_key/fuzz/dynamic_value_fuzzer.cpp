// libFuzzer target: a DynamicValue of the API key resource, in msgpack (first byte even) or JSON
// (odd), decoded against the resource's schema type as the gRPC server does for every request;
// a value that decodes is validated as a configuration (the checks a plan runs first, such as
// unique scopes and the PGP key) and encoded back, as every answer is.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "resources/iam_service_account_api_key/fuzz/provider_under_test.hpp"
#include "tfplugin/types/codec.hpp"
#include "tfplugin/types/decode_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace provider::fuzz;
    if (size == 0)
        return 0;
    const bool json = (data[0] & 1U) != 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto& type = ResourceType();
    tfplugin::Value value;
    try {
        value = json ? tfplugin::DecodeJson(bytes, type) : tfplugin::DecodeMsgpack(bytes, type);
    } catch (const tfplugin::DecodeError&) {
        return 0;  // the diagnostic the server sends for a malformed value
    }
    // Anything the provider throws would reach the user as "Internal provider error": a finding.
    tfplugin::ValidateResponse validation;
    Provider().ValidateResourceConfig({}, {kResourceType, value, {}}, validation);
    const auto encoded = tfplugin::EncodeMsgpack(value, type);
    if (value.IsWhollyKnown() && !(tfplugin::DecodeMsgpack(encoded, type) == value))
        std::abort();
    return 0;
}
