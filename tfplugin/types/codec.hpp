#pragma once

#include <string>
#include <string_view>

#include "tfplugin/types/type.hpp"
#include "tfplugin/types/value.hpp"

namespace tfplugin {

/// Decodes a msgpack DynamicValue against the schema type (the encoding is lossy without it).
/// Any msgpack extension decodes as unknown; extension 12 also yields its refinements.
/// Throws DecodeError, carrying the attribute path, when the bytes do not fit the type.
Value DecodeMsgpack(std::string_view bytes, const Type& type);

/// Decodes a JSON DynamicValue or raw state against the schema type, keeping numbers exact.
/// Missing object attributes are null (as in Terraform's own JSON decoder); unknown ones are errors.
Value DecodeJson(std::string_view text, const Type& type);

/// Encodes a value for the wire as Terraform expects: every object attribute present, keys sorted,
/// unknown as extension 0 (`d4 00 00`), dynamic-typed values as [type JSON, value].
std::string EncodeMsgpack(const Value& value, const Type& type);

}  // namespace tfplugin
