#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace ycloud {

/// When and how often a failed call is tried again. Only retryable errors (network failures,
/// HTTP 429 and 5xx) are, and never past the call's deadline.
struct RetryPolicy {
    int max_retries = 5;
    std::chrono::milliseconds base_delay{250};
    std::chrono::milliseconds max_delay{10'000};
    /// How long a creating call (RestCall::Creating) whose answer was lost (the connection broke, the deadline passed
    /// or the caller stopped after the request went out) is asked again with the same
    /// Idempotency-Key, past its deadline and its stop token, to learn what it did: the server
    /// answers a repeated key with the first call's answer, so nothing happens twice.
    std::chrono::milliseconds lost_answer_grace{20'000};
};

/// Delay before retry number `retry` (0 for the first): exponential from base_delay, capped,
/// with "full jitter" (a uniform fraction `jitter` in [0, 1) of that), so that many clients
/// failing together do not come back together. A server's Retry-After wins when longer.
std::chrono::milliseconds BackoffDelay(const RetryPolicy& policy,
                                       int retry,
                                       double jitter,
                                       std::optional<std::chrono::milliseconds> retry_after);

/// Retry-After in its delay-seconds form; the HTTP-date form is not used by Yandex Cloud.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view header);

}  // namespace ycloud
