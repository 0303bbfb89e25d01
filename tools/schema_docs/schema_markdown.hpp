#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

// The docs' schema sections rendered from `terraform providers schema -json` in the layout that
// HashiCorp's tfplugindocs writes and the Terraform Registry renders, so the docs cannot drift
// from the schema: the schema is the source of truth.
namespace schema_docs {

/// "## Schema" for one schema block (a resource's or the provider's): "### Required",
/// "### Optional" and "### Read-Only" lists (each only when it has entries, names sorted), then a
/// "### Nested Schema for `path`" section per nested block (timeouts included) with "Required:",
/// "Optional:" and "Read-Only:" lists. Throws std::runtime_error for schema features it does not
/// render (nested attributes, tuples) rather than documenting them wrongly. An attribute of object
/// type (or a list, set or map of objects) gets a "### Nested Schema" section listing its
/// attributes under its own group, as tfplugindocs writes it.
std::string RenderSchema(const nlohmann::json& block);

/// A docs page with a generated schema section: its path below docs/ and the block it documents.
struct SchemaPage {
    std::string path;
    nlohmann::json block;
};

/// The page of every schema of one provider's entry in `terraform providers schema -json`, in
/// the Registry's layout: index.md for the provider, then <folder>/<name>.md for each resource,
/// data source and ephemeral resource, named without the provider's prefix.
std::vector<SchemaPage> SchemaPages(const nlohmann::json& provider_schema);

/// Replaces the text between the generated-section markers of `page` with `generated`; nullopt
/// when the page has no markers.
std::optional<std::string> ReplaceGeneratedSection(const std::string& page, const std::string& generated);

/// The text between the generated-section markers of `page`; nullopt when it has none.
std::optional<std::string> GeneratedSection(const std::string& page);

/// One entry of a schema section: its path ("name", or "block.name" when nested) and the group it
/// belongs under ("Required", "Optional" or "Read-Only").
struct Entry {
    std::string path;
    std::string group;

    bool operator<(const Entry& other) const {
        return path < other.path || (path == other.path && group < other.group);
    }
    bool operator==(const Entry& other) const { return path == other.path && group == other.group; }
};

/// Every attribute and block of the schema with the group tfplugindocs puts it in.
std::vector<Entry> SchemaEntries(const nlohmann::json& block);

/// Every entry a schema section documents ("- `name` (...)"), with the group of the heading it
/// stands under, in the order they appear (a name documented twice appears twice).
std::vector<Entry> DocumentedEntries(const std::string& section);

inline constexpr const char* kBeginMarker =
    "<!-- schema: generated from `terraform providers schema -json` by scripts/docs; do not edit -->";
inline constexpr const char* kEndMarker = "<!-- schema: end -->";

}  // namespace schema_docs
