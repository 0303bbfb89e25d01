#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace tfplugin::detail {

/// How deeply arrays and maps may nest in a DynamicValue or raw state. nlohmann's msgpack reader
/// and our typed decoder both recurse once per level, so an unbounded depth lets a small hostile
/// message (87 KB of 0x91 bytes) overflow the stack. Real values nest as deeply as their schema
/// (this provider's: 4 levels; Terraform's own nested blocks rarely pass 10), and a dynamic
/// attribute only adds what a configuration spells out by hand, so 128 levels is far above any
/// real value while keeping the recursion to a few hundred kilobytes of stack even under ASan.
inline constexpr std::size_t kMaxNestingDepth = 128;

/// Parses msgpack bytes into a document, refusing more than kMaxNestingDepth levels of nesting.
/// Throws DecodeError (with no path) on malformed or too deeply nested input.
nlohmann::json ParseMsgpackDom(std::string_view bytes);

/// Parses JSON text into a document, keeping every fractional or oversized number as its original
/// text (a double would round it), with the same depth limit. Throws DecodeError.
nlohmann::json ParseJsonDom(std::string_view text);

}  // namespace tfplugin::detail
