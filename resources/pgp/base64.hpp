#pragma once

#include <optional>
#include <string>
#include <string_view>

// Standard base64 (RFC 4648 §4, with padding), the form OpenPGP keys and messages travel in as
// Terraform attributes.
namespace provider::pgp {

std::string EncodeBase64(std::string_view bytes);

/// The bytes of `text`; line breaks and other whitespace are ignored (keys are often pasted
/// wrapped), anything else outside the alphabet makes it not base64.
std::optional<std::string> DecodeBase64(std::string_view text);

}  // namespace provider::pgp
