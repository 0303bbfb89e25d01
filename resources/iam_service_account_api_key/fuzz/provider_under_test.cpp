#include "resources/iam_service_account_api_key/fuzz/provider_under_test.hpp"

namespace provider::fuzz {

YandexProvider& Provider() {
    // No YC_* variable may steer a fuzzing run towards a real endpoint or a key file.
    static YandexProvider provider([](const std::string&) { return std::optional<std::string>(); });
    return provider;
}

const tfplugin::Type& ResourceType() {
    static const tfplugin::Type type = Provider().GetProviderSchema().resource_schemas.at(kResourceType).ValueType();
    return type;
}

}  // namespace provider::fuzz
