#include "client/retry.hpp"

#include <algorithm>
#include <charconv>

namespace ycloud {

std::chrono::milliseconds BackoffDelay(const RetryPolicy& policy,
                                       int retry,
                                       double jitter,
                                       std::optional<std::chrono::milliseconds> retry_after) {
    const int doublings = std::clamp(retry, 0, 20);
    const auto exponential = policy.base_delay * (1LL << doublings);
    const auto ceiling = std::min<std::chrono::milliseconds>(exponential, policy.max_delay);
    // Keep at least half the step so retries do not hammer the server back to back.
    const auto delay = std::chrono::milliseconds(
        static_cast<long long>(static_cast<double>(ceiling.count()) * (0.5 + 0.5 * std::clamp(jitter, 0.0, 1.0))));
    if (retry_after && *retry_after > delay) {
        return *retry_after;
    }
    return delay;
}

std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view header) {
    while (!header.empty() && header.front() == ' ')
        header.remove_prefix(1);
    while (!header.empty() && header.back() == ' ')
        header.remove_suffix(1);
    long long seconds = 0;
    const auto [end, error] = std::from_chars(header.data(), header.data() + header.size(), seconds);
    if (error != std::errc() || end != header.data() + header.size() || seconds < 0) {
        return std::nullopt;
    }
    return std::chrono::seconds(std::min(seconds, 3600LL));
}

}  // namespace ycloud
