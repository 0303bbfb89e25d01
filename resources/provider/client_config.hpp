#pragma once

#include <functional>
#include <optional>
#include <string>

#include "client/client.hpp"
#include "tfplugin/protocol/diagnostics.hpp"
#include "tfplugin/types/value.hpp"

namespace provider {

/// Reads an environment variable; replaceable in tests.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
std::optional<std::string> ProcessEnvironment(const std::string& name);

/// The client configuration from the provider block, each setting falling back to its YC_*
/// environment variable and then to the official provider's default.
ycloud::ClientConfig ClientConfigFrom(const tfplugin::Value& config,
                                      const EnvironmentLookup& environment,
                                      tfplugin::Diagnostics& diagnostics);

}  // namespace provider
