#pragma once

#include <chrono>
#include <stop_token>

namespace ycloud {

/// What every call is bounded by: a deadline (retries and operation waits included) and a stop
/// token that cancels it early (Terraform's StopProvider).
struct Context {
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::now() + std::chrono::minutes(20);
    std::stop_token stop;

    [[nodiscard]] std::chrono::milliseconds Remaining() const {
        return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    }
    [[nodiscard]] bool Expired() const { return Remaining().count() <= 0; }
};

/// Waits `delay` unless the context's stop token is requested first; false when it was.
bool SleepUnlessStopped(std::chrono::milliseconds delay, const Context& context);

}  // namespace ycloud
