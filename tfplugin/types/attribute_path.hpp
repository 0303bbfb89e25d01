#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace tfplugin {

/// A step into an object attribute (or a nested block, which Terraform addresses the same way).
struct AttributeName {
    std::string name;
    friend bool operator==(const AttributeName&, const AttributeName&) = default;
};
/// A step into a map element by its key.
struct ElementKeyString {
    std::string key;
    friend bool operator==(const ElementKeyString&, const ElementKeyString&) = default;
};
/// A step into a list or tuple element by its index.
struct ElementKeyInt {
    std::int64_t index;
    friend bool operator==(const ElementKeyInt&, const ElementKeyInt&) = default;
};

using AttributePathStep = std::variant<AttributeName, ElementKeyString, ElementKeyInt>;

/// Where in a value something is: Terraform turns it into a source range in the user's
/// configuration, so diagnostics point at the offending attribute.
class AttributePath {
public:
    AttributePath() = default;
    /// A path that starts at the named top-level attribute.
    static AttributePath Root(std::string name);

    [[nodiscard]] AttributePath Attribute(std::string name) const;
    [[nodiscard]] AttributePath Key(std::string key) const;
    [[nodiscard]] AttributePath Index(std::int64_t index) const;

    [[nodiscard]] const std::vector<AttributePathStep>& Steps() const { return steps_; }
    [[nodiscard]] bool Empty() const { return steps_.empty(); }
    /// HCL-like text: `output_to_lockbox[0].secret_id`, `labels["env"]`.
    [[nodiscard]] std::string ToString() const;

    friend bool operator==(const AttributePath&, const AttributePath&) = default;

private:
    [[nodiscard]] AttributePath With(AttributePathStep step) const;
    std::vector<AttributePathStep> steps_;
};

}  // namespace tfplugin
