#include "tfplugin/protocol/diagnostics.hpp"

#include <algorithm>

namespace tfplugin {

void Diagnostics::Add(Diagnostic diagnostic) {
    if (std::find(items_.begin(), items_.end(), diagnostic) == items_.end()) {
        items_.push_back(std::move(diagnostic));
    }
}

void Diagnostics::AddError(std::string summary, std::string detail) {
    Add({Severity::kError, std::move(summary), std::move(detail), std::nullopt});
}

void Diagnostics::AddWarning(std::string summary, std::string detail) {
    Add({Severity::kWarning, std::move(summary), std::move(detail), std::nullopt});
}

void Diagnostics::AddAttributeError(AttributePath path, std::string summary, std::string detail) {
    Add({Severity::kError, std::move(summary), std::move(detail), std::move(path)});
}

void Diagnostics::AddAttributeWarning(AttributePath path, std::string summary, std::string detail) {
    Add({Severity::kWarning, std::move(summary), std::move(detail), std::move(path)});
}

void Diagnostics::Append(const Diagnostics& other) {
    for (const auto& diagnostic : other.items_) {
        Add(diagnostic);
    }
}

bool Diagnostics::HasError() const {
    return std::any_of(
        items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

}  // namespace tfplugin
