#include "tools/schema_docs/schema_markdown.hpp"

#include <sstream>
#include <vector>

namespace schema_docs {

namespace {

using nlohmann::json;

const char* const kTimeoutsBlock = "timeouts";

// A member object, or an empty one: a reference that outlives a range-for, unlike value()'s copy.
const json& Member(const json& object, const char* key) {
    static const json kEmpty = json::object();
    return object.contains(key) ? object[key] : kEmpty;
}

std::string TypeName(const json& type) {
    if (type.is_string()) {
        const auto name = type.get<std::string>();
        if (name == "string")
            return "String";
        if (name == "number")
            return "Number";
        if (name == "bool")
            return "Boolean";
        return "Dynamic";
    }
    const auto kind = type[0].get<std::string>();
    if (kind == "list")
        return "List of " + TypeName(type[1]);
    if (kind == "set")
        return "Set of " + TypeName(type[1]);
    if (kind == "map")
        return "Map of " + TypeName(type[1]);
    return "Object";
}

std::string BlockKind(const json& block_type) {
    const auto mode = block_type.value("nesting_mode", "single");
    std::string kind = mode == "list" ? "Block List" : mode == "set" ? "Block Set" : "Block";
    if (block_type.contains("max_items"))
        kind += ", Max: " + std::to_string(block_type["max_items"].get<int>());
    return kind;
}

std::string Anchor(const std::string& path) {
    std::string anchor = "nestedblock--" + path;
    for (auto& c : anchor) {
        if (c == '.')
            c = '-';
    }
    return anchor;
}

std::string OneLine(std::string text) {
    for (auto& c : text) {
        if (c == '\n')
            c = ' ';
    }
    return text;
}

std::string AttributeLine(const std::string& name, const json& attribute) {
    std::string kind = TypeName(attribute["type"]);
    if (attribute.value("sensitive", false))
        kind += ", Sensitive";
    if (attribute.value("deprecated", false))
        kind += ", Deprecated";
    return "- `" + name + "` (" + kind + ") " + OneLine(attribute.value("description", "")) + "\n";
}

std::string BlockLine(const std::string& name, const json& block_type, const std::string& path) {
    const auto see = path == kTimeoutsBlock ? std::string("[Timeouts](#timeouts)")
                                            : "[below for nested schema](#" + Anchor(path) + ")";
    return "- `" + name + "` (" + BlockKind(block_type) + ") " + OneLine(block_type["block"].value("description", "")) +
           " (see " + see + ")\n";
}

bool IsRequiredBlock(const json& block_type) {
    return block_type.value("min_items", 0) > 0;
}

// The Required / Optional / Read-Only lists of one block, each under its title (none when empty).
std::string RenderGroups(const json& block,
                         const std::string& path_prefix,
                         const std::string& required_title,
                         const std::string& optional_title,
                         const std::string& read_only_title) {
    std::string required;
    std::string optional;
    std::string read_only;
    for (const auto& [name, attribute] : Member(block, "attributes").items()) {
        const auto line = AttributeLine(name, attribute);
        if (attribute.value("required", false))
            required += line;
        else if (attribute.value("optional", false))
            optional += line;
        else
            read_only += line;
    }
    for (const auto& [name, block_type] : Member(block, "block_types").items()) {
        const auto line = BlockLine(name, block_type, path_prefix + name);
        (IsRequiredBlock(block_type) ? required : optional) += line;
    }
    std::string text;
    if (!required.empty())
        text += required_title + required + "\n";
    if (!optional.empty())
        text += optional_title + optional + "\n";
    if (!read_only.empty())
        text += read_only_title + read_only + "\n";
    return text;
}

void RenderNested(const json& block, const std::string& path_prefix, std::string& text) {
    for (const auto& [name, block_type] : Member(block, "block_types").items()) {
        const auto path = path_prefix + name;
        if (path == kTimeoutsBlock)
            continue;  // a section of its own
        text += "<a id=\"" + Anchor(path) + "\"></a>\n### Nested Schema for `" + path + "`\n\n";
        text += RenderGroups(block_type["block"], path + ".", "Required:\n\n", "Optional:\n\n", "Read-Only:\n\n");
        RenderNested(block_type["block"], path + ".", text);
    }
}

}  // namespace

std::string RenderBlockReference(const json& block) {
    std::string text;
    text += "## Argument Reference\n\n";
    json arguments = block;
    json read_only = json::object();
    for (const auto& [name, attribute] : Member(block, "attributes").items()) {
        if (!attribute.value("required", false) && !attribute.value("optional", false)) {
            read_only[name] = attribute;
            arguments["attributes"].erase(name);
        }
    }
    text += RenderGroups(arguments, "", "### Required\n\n", "### Optional\n\n", "");
    if (!read_only.empty()) {
        text += "## Attributes Reference\n\nIn addition to the arguments above, these attributes are exported:\n\n";
        for (const auto& [name, attribute] : read_only.items())
            text += AttributeLine(name, attribute);
        text += "\n";
    }
    RenderNested(block, "", text);
    const auto& blocks = Member(block, "block_types");
    if (blocks.contains(kTimeoutsBlock)) {
        text +=
            "## Timeouts\n\nThe `timeouts` block sets how long each operation may take, retries and waits included "
            "(default 20 minutes each):\n\n";
        for (const auto& [name, attribute] : blocks[kTimeoutsBlock]["block"]["attributes"].items())
            text += "- `" + name + "` - " + OneLine(attribute.value("description", "")) + "\n";
        text += "\n";
    }
    while (text.size() >= 2 && text.substr(text.size() - 2) == "\n\n")
        text.pop_back();
    return text;
}

std::optional<std::string> ReplaceGeneratedSection(const std::string& page, const std::string& generated) {
    const auto begin = page.find(kBeginMarker);
    const auto end = page.find(kEndMarker);
    if (begin == std::string::npos || end == std::string::npos || end < begin)
        return std::nullopt;
    const auto after_begin = begin + std::string(kBeginMarker).size();
    return page.substr(0, after_begin) + "\n\n" + generated + "\n" + page.substr(end);
}

std::set<std::string> SchemaNames(const json& block) {
    std::set<std::string> names;
    for (const auto& [name, attribute] : Member(block, "attributes").items())
        names.insert(name);
    for (const auto& [name, block_type] : Member(block, "block_types").items()) {
        names.insert(name);
        for (const auto& nested : SchemaNames(block_type["block"]))
            names.insert(name + "." + nested);
    }
    return names;
}

std::set<std::string> DocumentedNames(const std::string& page) {
    std::set<std::string> names;
    std::istringstream lines(page);
    std::string nested_prefix;
    for (std::string line; std::getline(lines, line);) {
        const std::string nested_heading = "### Nested Schema for `";
        if (line.rfind(nested_heading, 0) == 0) {
            nested_prefix = line.substr(nested_heading.size(), line.rfind('`') - nested_heading.size()) + ".";
            continue;
        }
        if (line.rfind("## ", 0) == 0) {
            nested_prefix = line == "## Timeouts" ? "timeouts." : "";
            continue;
        }
        if (line.rfind("- `", 0) != 0)
            continue;
        const auto close = line.find('`', 3);
        if (close == std::string::npos)
            continue;
        const auto rest = line.substr(close + 1);
        if (rest.rfind(" (", 0) != 0 && rest.rfind(" - ", 0) != 0)
            continue;  // a list of values, not a reference entry
        names.insert(nested_prefix + line.substr(3, close - 3));
    }
    return names;
}

}  // namespace schema_docs
