// libFuzzer target: UpgradeResourceState of the API key resource, the path stored state takes
// (JSON written by this provider or by yandex-cloud/yandex, or Terraform 0.11's flatmap) before
// Terraform uses it. First byte: bits 0-1 the schema version (0 the official provider's, 1 ours,
// 2 and 3 versions from the future), bit 2 flatmap ("key=value" lines) instead of JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "resources/iam_service_account_api_key/fuzz/provider_under_test.hpp"
#include "tfplugin/types/codec.hpp"

namespace {

std::map<std::string, std::string> Flatmap(std::string_view text) {
    std::map<std::string, std::string> flatmap;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const auto line = text.substr(0, end);
        const auto equals = line.find('=');
        flatmap[std::string(line.substr(0, equals))] =
            equals == std::string_view::npos ? std::string() : std::string(line.substr(equals + 1));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    }
    return flatmap;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace provider::fuzz;
    if (size == 0)
        return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    tfplugin::UpgradeResourceStateRequest request;
    request.type_name = kResourceType;
    request.version = data[0] & 3U;
    if ((data[0] & 4U) != 0) {
        request.raw_state.flatmap = Flatmap(rest);
    } else {
        request.raw_state.json = std::string(rest);
    }
    tfplugin::UpgradeResourceStateResponse response;
    Provider().UpgradeResourceState({}, request, response);
    // The server encodes the upgraded state for the wire unless there was an error.
    if (!response.diagnostics.HasError())
        (void)tfplugin::EncodeMsgpack(response.upgraded_state, ResourceType());
    return 0;
}
