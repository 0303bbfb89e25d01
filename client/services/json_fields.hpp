#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace ycloud {

/// A string field of an API answer; "" when absent or not a string (proto3 JSON leaves empty
/// fields out).
inline std::string TextField(const nlohmann::json& object, const char* field) {
    return object.is_object() && object.contains(field) && object[field].is_string() ? object[field].get<std::string>()
                                                                                     : std::string();
}

// nlohmann's json.value(field, fallback) throws when the field is there with another type (or the
// answer is not an object): a broken answer must give an error, never an exception. These give
// the fallback instead.

/// A boolean field; `fallback` when absent or not a boolean.
inline bool BoolField(const nlohmann::json& object, const char* field, bool fallback) {
    return object.is_object() && object.contains(field) && object[field].is_boolean() ? object[field].get<bool>()
                                                                                      : fallback;
}

/// An integer field; `fallback` when absent or not an integer.
inline std::int64_t IntField(const nlohmann::json& object, const char* field, std::int64_t fallback) {
    return object.is_object() && object.contains(field) && object[field].is_number_integer()
               ? object[field].get<std::int64_t>()
               : fallback;
}

/// An object field; {} when absent or not an object.
inline nlohmann::json ObjectField(const nlohmann::json& object, const char* field) {
    return object.is_object() && object.contains(field) && object[field].is_object() ? object[field]
                                                                                     : nlohmann::json::object();
}

/// An array field; [] when absent or not an array.
inline nlohmann::json ArrayField(const nlohmann::json& object, const char* field) {
    return object.is_object() && object.contains(field) && object[field].is_array() ? object[field]
                                                                                    : nlohmann::json::array();
}

}  // namespace ycloud
