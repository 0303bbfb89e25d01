#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tfplugin/types/attribute_path.hpp"

namespace tfplugin {

enum class Severity : std::uint8_t { kInvalid = 0, kError, kWarning };

/// A problem for the user to read. Summary: one short sentence. Detail: enough for the user to
/// fix it. The attribute path, when set, lets Terraform point at the line in the configuration.
struct Diagnostic {
    Severity severity = Severity::kError;
    std::string summary;
    std::string detail;
    std::optional<AttributePath> attribute;

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

/// Problems are data, returned with every response; they never travel as gRPC errors.
class Diagnostics {
public:
    void AddError(std::string summary, std::string detail);
    void AddWarning(std::string summary, std::string detail);
    void AddAttributeError(AttributePath path, std::string summary, std::string detail);
    void AddAttributeWarning(AttributePath path, std::string summary, std::string detail);
    /// Appends the other list, skipping exact duplicates.
    void Append(const Diagnostics& other);
    void Add(Diagnostic diagnostic);

    [[nodiscard]] bool HasError() const;
    [[nodiscard]] bool Empty() const { return items_.empty(); }
    [[nodiscard]] const std::vector<Diagnostic>& Items() const { return items_; }

private:
    std::vector<Diagnostic> items_;
};

}  // namespace tfplugin
