#pragma once

#include "tfplugin/framework/definition.hpp"

namespace provider {

/// Schema and attribute rules of `yandex_iam_service_account_api_key`, attribute for attribute
/// as the official provider defines it (schema version 0), so its state can be taken over.
const tfplugin::framework::Definition& ApiKeyDefinition();

}  // namespace provider
