#pragma once

#include <mutex>
#include <stop_token>

namespace tfplugin::server {

/// StopProvider's effect: every call in flight sees its stop token requested. Calls that start
/// afterwards get a fresh token, as in terraform-plugin-go, since Terraform may go on using
/// the provider (for example to save state) after an interrupt.
class StopSignal {
public:
    [[nodiscard]] std::stop_token Token();
    void StopCallsInFlight();

private:
    std::mutex mutex_;
    std::stop_source source_;
};

}  // namespace tfplugin::server
