#pragma once

#include <string>

namespace ycloud {

/// A random (version 4) UUID: the form Yandex Cloud expects in x-client-request-id and
/// Idempotency-Key headers.
std::string NewUuid();

}  // namespace ycloud
