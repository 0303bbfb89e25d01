#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace ycloud {

/// A string field of an API answer; "" when absent or not a string (proto3 JSON leaves empty
/// fields out).
inline std::string TextField(const nlohmann::json& object, const char* field) {
    return object.is_object() && object.contains(field) && object[field].is_string() ? object[field].get<std::string>()
                                                                                     : std::string();
}

}  // namespace ycloud
