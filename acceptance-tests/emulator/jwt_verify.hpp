#pragma once

#include <optional>
#include <string>

#include "acceptance-tests/emulator/state.hpp"

namespace emulator {

/// The audience IAM accepts in service account JWTs.
inline constexpr const char* kJwtAudience = "https://iam.api.cloud.yandex.net/iam/v1/tokens";

/// Checks a service account JWT as IAM does: PS256 (salt 32) signed by the authorized key named
/// in `kid`, issued by that key's service account, for the IAM audience, not expired, living at
/// most an hour. Returns the service account id, or nothing with the reason in `problem`.
std::optional<std::string> VerifyServiceAccountJwt(const State& state, const std::string& jwt, std::string& problem);

}  // namespace emulator
