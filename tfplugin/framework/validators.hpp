#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "tfplugin/protocol/diagnostics.hpp"
#include "tfplugin/types/attribute_path.hpp"
#include "tfplugin/types/value.hpp"

// Reusable checks for attribute values, in the spirit of terraform-plugin-framework's
// stringvalidator/listvalidator. Every validator passes null and unknown values: a value that
// comes from a reference is only known at apply time, and that is never an error.
namespace tfplugin::framework {

using Validator = std::function<void(const Value& value, const AttributePath& path, Diagnostics& diagnostics)>;

/// A string of at most `max` characters (Unicode code points, as Terraform counts them).
Validator StringLengthAtMost(std::size_t max);
/// A string that is not empty.
Validator StringNotEmpty();
/// A string made only of the given characters, described for the user as `allowed`.
Validator StringCharacters(std::function<bool(char)> is_allowed, std::string allowed);
/// A whole number from `least` to `most`.
Validator WholeNumberBetween(std::int64_t least, std::int64_t most);
/// A list or set of at most `max` elements.
Validator SizeAtMost(std::size_t max);
/// A list whose known elements are all different.
Validator ElementsUnique();
/// A list or set without null elements: Terraform lets `[var.unset]` through, and a null would
/// otherwise be dropped without a word.
Validator ElementsNotNull();
/// Runs the validator on each element of a list or set, with the element's index in the path.
Validator EachElement(Validator element_validator);

/// Accepts any value but warns, with `why`, that it is not used: for settings kept only so that
/// configurations written for another provider work unchanged.
Validator NotUsed(std::string why);

/// Number of Unicode code points in UTF-8 text.
std::size_t CodePointCount(const std::string& text);

}  // namespace tfplugin::framework

namespace tfplugin::framework {

/// An RFC 3339 timestamp (any UTC offset) no earlier than `earliest` and before `end`,
/// both given as RFC 3339 text; the message names the allowed range as `range_text`.
Validator Rfc3339Between(const std::string& earliest, const std::string& end, std::string range_text);

}  // namespace tfplugin::framework
