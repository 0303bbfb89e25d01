#pragma once

#include <nlohmann/json.hpp>

#include "tfplugin/types/attribute_path.hpp"
#include "tfplugin/types/type.hpp"
#include "tfplugin/types/value.hpp"

// The codecs share one intermediate form: nlohmann::json, which parses both msgpack and JSON.
// These functions move between that form and typed Values.
namespace tfplugin::detail {

enum class WireFormat { kMsgpack, kJson };

/// Converts a parsed document to a Value of the given type, moving its strings out (the document
/// is left hollow). Throws DecodeError with the path.
Value FromDom(nlohmann::json& dom, const Type& type, const AttributePath& path, WireFormat format);

/// Converts a Value to the msgpack-ready document for the given schema type.
nlohmann::json ToDom(const Value& value, const Type& type);

}  // namespace tfplugin::detail
