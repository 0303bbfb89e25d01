#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {

/// What a terraform command reported in its machine-readable (-json) form.
struct CommandReport {
    int exit_code = -1;
    /// Every diagnostic but the warning about dev_overrides, which is not the provider's.
    nlohmann::json diagnostics = nlohmann::json::array();
    std::string output;  ///< everything it printed, for failure messages

    /// The first diagnostic with this summary, or null.
    [[nodiscard]] nlohmann::json Find(const std::string& summary) const;
    /// How many diagnostics have this summary.
    [[nodiscard]] std::size_t Count(const std::string& summary) const;
};

/// Runs `terraform <args>`, where args ask for -json output (validate's single document, or the
/// line stream of plan and apply), and collects the diagnostics.
CommandReport RunForDiagnostics(const TerraformWorkspace& workspace, std::initializer_list<std::string> args);

/// The source line Terraform highlighted for a diagnostic: it names the attribute the provider
/// pointed at.
std::string HighlightedCode(const nlohmann::json& diagnostic);

}  // namespace acceptance
