#pragma once

#include <chrono>
#include <string>

#include "client/client.hpp"
#include "tfplugin/protocol/call_context.hpp"
#include "tfplugin/protocol/diagnostics.hpp"

// How every resource and data source calls Yandex Cloud: bounded in time, stopped by Terraform,
// and with API errors turned into diagnostics the same way.
namespace provider {

/// The official provider's default for every operation, when `timeouts` sets none.
constexpr std::chrono::nanoseconds kDefaultOperationTimeout = std::chrono::minutes(20);

/// A client call context that stops with Terraform's StopProvider or after `timeout`.
ycloud::Context CallContextFor(const tfplugin::CallContext& ctx, std::chrono::nanoseconds timeout);

void AddApiError(tfplugin::Diagnostics& diagnostics, const std::string& summary, const ycloud::Error& error);

}  // namespace provider
