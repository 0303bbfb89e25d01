#pragma once

#include <cstdint>
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

/// A whole-number setting of the provider block: its attribute, its YC_* variable, its default and
/// the range both sources are held to (the schema's validator checks the attribute, the client
/// configuration the variable).
struct WholeNumberSetting {
    const char* attribute;
    const char* variable;
    std::int64_t fallback;
    std::int64_t least;
    std::int64_t most;
};
// Retries back off up to a few seconds each, so beyond 100 a failing call would hang a run for
// hours rather than report.
inline constexpr WholeNumberSetting kMaxRetries{"max_retries", "YC_MAX_RETRIES", 5, 0, 100};
// Each pooled connection is a descriptor and, against the cloud, a TLS session; Terraform's
// -parallelism is rarely set beyond a few dozen.
inline constexpr WholeNumberSetting kConnectionPoolSize{"connection_pool_size",
                                                        "YC_CONNECTION_POOL_SIZE",
                                                        ycloud::http::TransportOptions::kDefaultConnectionPoolSize,
                                                        1,
                                                        256};

/// The client configuration from the provider block, each setting falling back to its YC_*
/// environment variable and then to the official provider's default.
ycloud::ClientConfig ClientConfigFrom(const tfplugin::Value& config,
                                      const EnvironmentLookup& environment,
                                      tfplugin::Diagnostics& diagnostics);

}  // namespace provider
