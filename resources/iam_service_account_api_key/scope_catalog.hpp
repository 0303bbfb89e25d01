#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "client/client.hpp"

namespace provider {

/// The scopes an API key may have, asked of the cloud once per provider instance, so plans
/// can reject an unknown scope before anything is created.
class ScopeCatalog {
public:
    ycloud::Result<std::vector<std::string>> Scopes(ycloud::Client& client, const ycloud::Context& context);

private:
    std::mutex mutex_;
    std::optional<std::vector<std::string>> scopes_;
};

/// The known scope nearest to `wanted` by edit distance (ties: the first in `known`); "" when
/// `known` is empty.
std::string ClosestScope(const std::vector<std::string>& known, const std::string& wanted);

}  // namespace provider
