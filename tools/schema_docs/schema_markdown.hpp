#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

// Registry-style reference sections rendered from `terraform providers schema -json`, so the
// docs cannot drift from the schema: the schema is the source of truth.
namespace schema_docs {

/// "## Argument Reference" (Required, Optional), "## Attributes Reference" (read-only), nested
/// blocks, and "## Timeouts" when the block has one, for one schema block.
std::string RenderBlockReference(const nlohmann::json& block);

/// Replaces the text between the generated-section markers of `page` with `generated`; nullopt
/// when the page has no markers.
std::optional<std::string> ReplaceGeneratedSection(const std::string& page, const std::string& generated);

/// Every attribute and block name of the schema, nested ones as "block.name".
std::set<std::string> SchemaNames(const nlohmann::json& block);

/// Every name a page documents in the reference list form "- `name` (".
std::set<std::string> DocumentedNames(const std::string& page);

inline constexpr const char* kBeginMarker =
    "<!-- schema: generated from `terraform providers schema -json` by scripts/docs; do not edit -->";
inline constexpr const char* kEndMarker = "<!-- schema: end -->";

}  // namespace schema_docs
