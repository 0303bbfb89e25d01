#pragma once

#include <string>
#include <string_view>

#include "client/error.hpp"
#include "client/result.hpp"

namespace ycloud {

/// The path segment that names one resource: its id, percent-encoded. An empty id would name the
/// collection instead (`DELETE /iam/v1/apiKeys/` deletes nothing, and its NOT_FOUND reads like
/// "already gone"), so it is refused before anything is sent. `what` names the id for the
/// message: "API key", "Lockbox secret".
Result<std::string> IdSegment(const std::string& id, std::string_view what);

}  // namespace ycloud
