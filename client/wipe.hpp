#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

// Wiping secrets out of the ordinary strings they pass through on their way in and out: a JSON
// answer that carried a token, a request body that carried a secret. SecretString keeps the
// value itself; these make sure the copies the HTTP and JSON layers needed do not outlive it.
namespace ycloud {

/// Overwrites the characters of `text` with zeros (it keeps its size).
void Wipe(std::string& text);

/// Overwrites every string value in `json`, at any depth.
void WipeStrings(nlohmann::json& json);

}  // namespace ycloud
