#include "acceptance-tests/support/diagnostics.hpp"

#include <sstream>

namespace acceptance {

namespace {

void Collect(const nlohmann::json& diagnostic, nlohmann::json& into) {
    if (diagnostic.value("summary", "") != "Provider development overrides are in effect")
        into.push_back(diagnostic);
}

}  // namespace

nlohmann::json CommandReport::Find(const std::string& summary) const {
    for (const auto& diagnostic : diagnostics) {
        if (diagnostic.value("summary", "") == summary)
            return diagnostic;
    }
    return nullptr;
}

std::size_t CommandReport::Count(const std::string& summary) const {
    std::size_t count = 0;
    for (const auto& diagnostic : diagnostics)
        count += diagnostic.value("summary", "") == summary ? 1 : 0;
    return count;
}

CommandReport RunForDiagnostics(const TerraformWorkspace& workspace, std::initializer_list<std::string> args) {
    const auto result = workspace.Run(args);
    CommandReport report;
    report.exit_code = result.exit_code;
    report.output = result.out + result.err;
    // validate -json prints one document; plan and apply print one JSON object per line.
    const auto whole = nlohmann::json::parse(result.out, nullptr, false);
    if (!whole.is_discarded() && whole.contains("diagnostics")) {
        for (const auto& diagnostic : whole["diagnostics"])
            Collect(diagnostic, report.diagnostics);
        return report;
    }
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        const auto message = nlohmann::json::parse(line, nullptr, false);
        if (!message.is_discarded() && message.value("type", "") == "diagnostic")
            Collect(message["diagnostic"], report.diagnostics);
    }
    return report;
}

std::string HighlightedCode(const nlohmann::json& diagnostic) {
    if (!diagnostic.is_object() || !diagnostic.contains("snippet"))
        return "";
    return diagnostic["snippet"].value("code", "");
}

}  // namespace acceptance
