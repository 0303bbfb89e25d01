#pragma once

#include <string>
#include <string_view>

namespace tfplugin::server {

/// Replaces every invalid UTF-8 sequence with U+FFFD: protobuf refuses to serialise string
/// fields that are not UTF-8, and a diagnostic may quote bytes from anywhere.
std::string ForceValidUtf8(std::string_view text);

}  // namespace tfplugin::server
