#pragma once

#include <string>
#include <vector>

namespace emulator {

/// Every scope `yc iam api-key list-scopes` lists (the API keys how-to page).
const std::vector<std::string>& KnownScopes();
/// The scopes a key gets when it is created without any (the API key concept page).
const std::vector<std::string>& DefaultScopes();

}  // namespace emulator
