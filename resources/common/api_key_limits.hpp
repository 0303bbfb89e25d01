#pragma once

#include <cstddef>

// Limits of the IAM ApiKey API (yandex.cloud.iam.v1.ApiKeyService; see the REST reference) and of
// Lockbox payload entry keys. Checked at plan time so a mistake never costs a failed apply.
namespace provider::api_key_limits {

inline constexpr std::size_t kServiceAccountIdLength = 50;
inline constexpr std::size_t kDescriptionLength = 256;
inline constexpr std::size_t kScopeCount = 100;
inline constexpr std::size_t kScopeLength = 256;
inline constexpr std::size_t kLockboxEntryKeyLength = 256;
inline constexpr const char* kExpiresAtEarliest = "1970-01-01T00:00:00Z";
inline constexpr const char* kExpiresAtEnd = "2106-01-01T00:00:00Z";  // the last valid day is 2105-12-31

}  // namespace provider::api_key_limits
