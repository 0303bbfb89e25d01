#pragma once

#include <string>

#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/provider/yandex_provider.hpp"
#include "tfplugin/types/type.hpp"

// What the resource's fuzz targets share: the real provider, as the gRPC server holds it, with no
// environment (nothing configured, no credentials, no network), and the resource's schema type.
namespace provider::fuzz {

inline constexpr const char* kResourceType = ApiKeyResource::kTypeName;

/// The provider, built once per fuzzing process.
YandexProvider& Provider();

/// The value type of the resource's schema, as Terraform encodes states and configurations.
const tfplugin::Type& ResourceType();

}  // namespace provider::fuzz
