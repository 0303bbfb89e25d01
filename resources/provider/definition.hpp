#pragma once

#include "tfplugin/framework/definition.hpp"

namespace provider {

/// The provider block's schema: the official provider's settings where they overlap, plus the
/// per-service endpoint overrides for private installations and the local emulator.
const tfplugin::framework::Definition& ProviderDefinition();

}  // namespace provider
