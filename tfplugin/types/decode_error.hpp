#pragma once

#include <stdexcept>
#include <string>

#include "tfplugin/types/attribute_path.hpp"

namespace tfplugin {

/// A value on the wire that does not fit the schema type. Carries the path to the offending
/// attribute so the diagnostic can name it.
class DecodeError : public std::runtime_error {
public:
    DecodeError(AttributePath path, const std::string& message)
        : std::runtime_error(path.Empty() ? message : path.ToString() + ": " + message),
          path_(std::move(path)),
          message_(message) {}

    [[nodiscard]] const AttributePath& Path() const { return path_; }
    /// The message without the path prefix.
    [[nodiscard]] const std::string& Message() const { return message_; }

private:
    AttributePath path_;
    std::string message_;
};

}  // namespace tfplugin
