#pragma once

#include <string>
#include <vector>

#include "client/rest_client.hpp"

namespace ycloud {

/// Calls a list method page by page (pageToken/nextPageToken) and gathers the `field` arrays.
/// `url` must already end with a query string ('?' present).
Result<std::vector<nlohmann::json>> ListAllPages(RestClient& rest,
                                                 const std::string& url,
                                                 const std::string& field,
                                                 const Context& context);

/// Percent-encodes a query parameter value.
std::string QueryEscape(const std::string& value);

}  // namespace ycloud
