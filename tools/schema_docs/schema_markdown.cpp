#include "tools/schema_docs/schema_markdown.hpp"

#include <array>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace schema_docs {

namespace {

using nlohmann::json;

// The three groups in tfplugindocs' order, with their titles at the top level and in a nested
// schema.
enum Group { kRequired, kOptional, kReadOnly, kGroupCount };
constexpr std::array<const char*, kGroupCount> kGroupNames = {"Required", "Optional", "Read-Only"};

// tfplugindocs gives an undocumented top-level `id` this description (and puts it under Read-Only).
const char* const kDefaultIdDescription = "The ID of this resource.";

// A member object, or an empty one: a reference that outlives a range-for, unlike value()'s copy.
const json& Member(const json& object, const char* key) {
    static const json kEmpty = json::object();
    return object.contains(key) ? object[key] : kEmpty;
}

bool Flag(const json& object, const char* key) {
    return object.value(key, false);
}

int Count(const json& object, const char* key) {
    return object.value(key, 0);
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string joined;
    for (const auto& part : parts)
        joined += (joined.empty() ? "" : separator) + part;
    return joined;
}

bool IsTopLevelIdWithoutDescription(const std::string& name, const json& attribute, bool root) {
    return root && name == "id" && attribute.value("description", "").empty();
}

Group AttributeGroup(const std::string& name, const json& attribute, bool root) {
    if (IsTopLevelIdWithoutDescription(name, attribute, root))
        return kReadOnly;
    if (Flag(attribute, "required"))
        return kRequired;
    if (Flag(attribute, "optional"))
        return kOptional;
    if (Flag(attribute, "computed"))
        return kReadOnly;
    throw std::runtime_error("attribute " + name + " is neither required, optional nor computed");
}

bool BlockIsRequired(const json& block_type) {
    return Count(block_type, "min_items") > 0;
}

// As tfplugindocs decides it: not required, and empty or with something to set inside.
bool BlockIsOptional(const json& block_type) {
    if (BlockIsRequired(block_type))
        return false;
    const auto& block = Member(block_type, "block");
    const auto& attributes = Member(block, "attributes");
    const auto& blocks = Member(block, "block_types");
    if (attributes.empty() && blocks.empty())
        return true;
    for (const auto& [name, nested] : blocks.items()) {
        if (BlockIsRequired(nested) || BlockIsOptional(nested))
            return true;
    }
    for (const auto& [name, attribute] : attributes.items()) {
        if (Flag(attribute, "required") || Flag(attribute, "optional"))
            return true;
    }
    return false;
}

bool BlockIsReadOnly(const json& block_type) {
    if (Count(block_type, "min_items") != 0 || Count(block_type, "max_items") != 0)
        return false;
    const auto& block = Member(block_type, "block");
    for (const auto& [name, nested] : Member(block, "block_types").items()) {
        if (!BlockIsReadOnly(nested))
            return false;
    }
    for (const auto& [name, attribute] : Member(block, "attributes").items()) {
        if (!Flag(attribute, "computed") || Flag(attribute, "optional") || Flag(attribute, "required"))
            return false;
    }
    return true;
}

Group BlockGroup(const std::string& name, const json& block_type) {
    if (BlockIsRequired(block_type))
        return kRequired;
    if (BlockIsOptional(block_type))
        return kOptional;
    if (BlockIsReadOnly(block_type))
        return kReadOnly;
    throw std::runtime_error("block " + name + " is optional but has only computed attributes");
}

std::string TypeName(const std::string& name, const json& type) {
    if (type.is_string()) {
        const auto primitive = type.get<std::string>();
        if (primitive == "string")
            return "String";
        if (primitive == "number")
            return "Number";
        if (primitive == "bool")
            return "Boolean";
        if (primitive == "dynamic")
            return "Dynamic";
    } else if (type.is_array() && type.size() == 2) {
        const auto kind = type[0].get<std::string>();
        if (kind == "list")
            return "List of " + TypeName(name, type[1]);
        if (kind == "set")
            return "Set of " + TypeName(name, type[1]);
        if (kind == "map")
            return "Map of " + TypeName(name, type[1]);
        if (kind == "object")
            return "Object";
    }
    // Tuples would need nested sections of their own, which no schema here has.
    throw std::runtime_error("attribute " + name + " has a type schema-docs does not render: " + type.dump());
}

// Trimmed, with paragraph breaks kept as Markdown line breaks, as tfplugindocs writes descriptions.
std::string Description(const json& object) {
    auto text = object.value("description", "");
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return "";
    text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
    std::string collapsed;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '\n') {
            while (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            collapsed += "  \n";
        } else {
            collapsed += text[i];
        }
    }
    return collapsed;
}

// The object type inside an attribute's type (an object, or a list, set or map of objects), whose
// attributes get a nested section as tfplugindocs writes it; nullptr for any other type.
const json* ObjectAttributes(const json& type) {
    if (!type.is_array() || type.size() != 2)
        return nullptr;
    const auto kind = type[0].get<std::string>();
    if (kind == "object")
        return &type[1];
    if (kind == "list" || kind == "set" || kind == "map")
        return ObjectAttributes(type[1]);
    return nullptr;
}

std::string NestedAttributeAnchor(const std::vector<std::string>& path) {
    return "nestedatt--" + Join(path, "--");
}

std::string WithDescription(const std::string& text, const std::string& description) {
    return description.empty() ? text : text + " " + description;
}

std::string AttributeLine(const std::vector<std::string>& path, const json& attribute, bool root) {
    const auto& name = path.back();
    if (attribute.contains("nested_type"))
        throw std::runtime_error("attribute " + name + " has nested attributes, which schema-docs does not render");
    std::string kind = TypeName(name, attribute["type"]);
    if (Flag(attribute, "sensitive"))
        kind += ", Sensitive";
    if (Flag(attribute, "deprecated"))
        kind += ", Deprecated";
    if (Flag(attribute, "write_only"))
        kind +=
            ", "
            "[Write-only](https://developer.hashicorp.com/terraform/language/resources/ephemeral#write-only-arguments)";
    const auto description = IsTopLevelIdWithoutDescription(name, attribute, root) ? std::string(kDefaultIdDescription)
                                                                                   : Description(attribute);
    const auto see_below = ObjectAttributes(attribute["type"]) == nullptr
                               ? std::string()
                               : " (see [below for nested schema](#" + NestedAttributeAnchor(path) + "))";
    return WithDescription("- `" + name + "` (" + kind + ")", description) + see_below + "\n";
}

// The section of an attribute of object type: its attributes, undocumented and under the group of
// the attribute they belong to, as tfplugindocs writes them; objects inside get sections in turn.
void WriteObjectSchema(std::string& text, const std::vector<std::string>& path, const json& attributes, Group group) {
    text += "<a id=\"" + NestedAttributeAnchor(path) + "\"></a>\n### Nested Schema for `" + Join(path, ".") + "`\n\n";
    text += std::string(kGroupNames[group]) + ":\n\n";
    std::vector<std::pair<std::vector<std::string>, const json*>> nested;
    for (const auto& [name, type] : attributes.items()) {
        auto child = path;
        child.push_back(name);
        const auto* object = ObjectAttributes(type);
        text += "- `" + name + "` (" + TypeName(name, type) + ")" +
                (object == nullptr ? "" : " (see [below for nested schema](#" + NestedAttributeAnchor(child) + "))") +
                "\n";
        if (object != nullptr)
            nested.emplace_back(child, object);
    }
    text += "\n\n";
    for (const auto& [child, object] : nested)
        WriteObjectSchema(text, child, *object, group);
}

std::string BlockKind(const std::string& name, const json& block_type) {
    const auto mode = block_type.value("nesting_mode", "single");
    std::string kind = "Block";
    if (mode == "list")
        kind += " List";
    else if (mode == "set")
        kind += " Set";
    else if (mode == "map")
        kind += " Map";
    else if (mode != "single")
        throw std::runtime_error("unexpected nesting mode " + mode);
    if (mode == "single") {
        const auto group = BlockGroup(name, block_type);
        kind += group == kRequired ? ", Required" : group == kOptional ? ", Optional" : ", Read-only";
    } else if (Count(block_type, "min_items") > 0) {
        kind += ", Min: " + std::to_string(Count(block_type, "min_items"));
    }
    if (Count(block_type, "max_items") > 0)
        kind += ", Max: " + std::to_string(Count(block_type, "max_items"));
    if (Flag(Member(block_type, "block"), "deprecated"))
        kind += ", Deprecated";
    return kind;
}

std::string Anchor(const std::vector<std::string>& path) {
    return "nestedblock--" + Join(path, "--");
}

std::string BlockLine(const std::vector<std::string>& path, const json& block_type) {
    return WithDescription("- `" + path.back() + "` (" + BlockKind(path.back(), block_type) + ")",
                           Description(Member(block_type, "block"))) +
           " (see [below for nested schema](#" + Anchor(path) + "))\n";
}

bool ContainsWriteOnly(const json& block) {
    for (const auto& [name, attribute] : Member(block, "attributes").items()) {
        if (Flag(attribute, "write_only"))
            return true;
    }
    for (const auto& [name, nested] : Member(block, "block_types").items()) {
        if (ContainsWriteOnly(Member(nested, "block")))
            return true;
    }
    return false;
}

void WriteBlockChildren(std::string& text, const std::vector<std::string>& parents, const json& block);

// A nested block's section; tfplugindocs writes one after another, each followed by a blank line,
// so consecutive sections are two blank lines apart.
void WriteNestedSchema(std::string& text, const std::vector<std::string>& path, const json& block_type) {
    text += "<a id=\"" + Anchor(path) + "\"></a>\n### Nested Schema for `" + Join(path, ".") + "`\n\n";
    WriteBlockChildren(text, path, Member(block_type, "block"));
    text += "\n";
}

// The groups of one block (titled "### Group" at the top level, "Group:" when nested), then the
// sections of its nested blocks in the order their lines appear.
void WriteBlockChildren(std::string& text, const std::vector<std::string>& parents, const json& block) {
    const bool root = parents.empty();
    struct Child {
        std::string line;
        bool write_only = false;
        const json* block_type = nullptr;   // a nested block, whose section follows
        const json* object_type = nullptr;  // the attributes of an object-typed attribute, likewise
    };
    std::array<std::map<std::string, Child>, kGroupCount> groups;
    for (const auto& [name, attribute] : Member(block, "attributes").items()) {
        auto path = parents;
        path.push_back(name);
        groups[AttributeGroup(name, attribute, root)][name] = {AttributeLine(path, attribute, root),
                                                               Flag(attribute, "write_only"),
                                                               nullptr,
                                                               ObjectAttributes(attribute["type"])};
    }
    for (const auto& [name, block_type] : Member(block, "block_types").items()) {
        auto path = parents;
        path.push_back(name);
        groups[BlockGroup(name, block_type)][name] = {
            BlockLine(path, block_type), ContainsWriteOnly(Member(block_type, "block")), &block_type};
    }
    struct Nested {
        std::string name;
        const Child* child;
        Group group;
    };
    std::vector<Nested> nested;
    for (int group = 0; group < kGroupCount; ++group) {
        if (groups[group].empty())
            continue;
        text += root ? std::string("### ") + kGroupNames[group] : std::string(kGroupNames[group]) + ":";
        text += "\n\n";
        for (const auto& [name, child] : groups[group]) {
            if (child.write_only) {
                text +=
                    "> **NOTE**: [Write-only "
                    "arguments](https://developer.hashicorp.com/terraform/language/resources/"
                    "ephemeral#write-only-arguments) are supported in Terraform 1.11 and later.\n\n";
                break;
            }
        }
        for (const auto& [name, child] : groups[group]) {
            text += child.line;
            if (child.block_type != nullptr || child.object_type != nullptr)
                nested.push_back({name, &child, static_cast<Group>(group)});
        }
        text += "\n";
    }
    for (const auto& [name, child, group] : nested) {
        auto path = parents;
        path.push_back(name);
        if (child->block_type != nullptr)
            WriteNestedSchema(text, path, *child->block_type);
        else
            WriteObjectSchema(text, path, *child->object_type, group);
    }
}

void CollectObjectEntries(const json& attributes, const std::string& prefix, Group group, std::vector<Entry>& entries) {
    for (const auto& [name, type] : attributes.items()) {
        entries.push_back({prefix + name, kGroupNames[group]});
        if (const auto* object = ObjectAttributes(type))
            CollectObjectEntries(*object, prefix + name + ".", group, entries);
    }
}

void CollectEntries(const json& block, const std::string& prefix, std::vector<Entry>& entries) {
    const bool root = prefix.empty();
    for (const auto& [name, attribute] : Member(block, "attributes").items()) {
        const auto group = AttributeGroup(name, attribute, root);
        entries.push_back({prefix + name, kGroupNames[group]});
        if (const auto* object = ObjectAttributes(attribute["type"]))
            CollectObjectEntries(*object, prefix + name + ".", group, entries);
    }
    for (const auto& [name, block_type] : Member(block, "block_types").items()) {
        entries.push_back({prefix + name, kGroupNames[BlockGroup(name, block_type)]});
        CollectEntries(Member(block_type, "block"), prefix + name + ".", entries);
    }
}

bool StartsWith(const std::string& text, const std::string& prefix) {
    return text.rfind(prefix, 0) == 0;
}

}  // namespace

std::string RenderSchema(const json& block) {
    std::string text = "## Schema\n\n";
    WriteBlockChildren(text, {}, block);
    // tfplugindocs' templates trim the trailing blank lines (`.SchemaMarkdown | trimspace`).
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

std::optional<std::string> ReplaceGeneratedSection(const std::string& page, const std::string& generated) {
    const auto begin = page.find(kBeginMarker);
    const auto end = page.find(kEndMarker);
    if (begin == std::string::npos || end == std::string::npos || end < begin)
        return std::nullopt;
    const auto after_begin = begin + std::string(kBeginMarker).size();
    return page.substr(0, after_begin) + "\n" + generated + "\n\n" + page.substr(end);
}

std::optional<std::string> GeneratedSection(const std::string& page) {
    const auto begin = page.find(kBeginMarker);
    const auto end = page.find(kEndMarker);
    if (begin == std::string::npos || end == std::string::npos || end < begin)
        return std::nullopt;
    const auto after_begin = begin + std::string(kBeginMarker).size();
    return page.substr(after_begin, end - after_begin);
}

std::vector<Entry> SchemaEntries(const json& block) {
    std::vector<Entry> entries;
    CollectEntries(block, "", entries);
    return entries;
}

std::vector<Entry> DocumentedEntries(const std::string& section) {
    std::vector<Entry> entries;
    std::istringstream lines(section);
    std::string prefix;
    std::string group;
    const std::string nested_heading = "### Nested Schema for `";
    for (std::string line; std::getline(lines, line);) {
        if (StartsWith(line, nested_heading)) {
            prefix = line.substr(nested_heading.size(), line.rfind('`') - nested_heading.size()) + ".";
            group.clear();
            continue;
        }
        if (StartsWith(line, "#")) {
            prefix.clear();
            group.clear();
            for (const auto* name : kGroupNames) {
                if (line == std::string("### ") + name)
                    group = name;
            }
            continue;
        }
        bool is_group_title = false;
        for (const auto* name : kGroupNames) {
            if (line == std::string(name) + ":") {
                group = name;
                is_group_title = true;
            }
        }
        if (is_group_title || !StartsWith(line, "- `"))
            continue;
        const auto close = line.find('`', 3);
        if (close == std::string::npos || line.compare(close + 1, 2, " (") != 0)
            continue;
        entries.push_back({prefix + line.substr(3, close - 3), group.empty() ? "(no group heading)" : group});
    }
    return entries;
}

std::vector<SchemaPage> SchemaPages(const nlohmann::json& provider_schema) {
    std::vector<SchemaPage> pages{{"index.md", provider_schema.at("provider").at("block")}};
    for (const auto& [kind, folder] : {std::pair{"resource_schemas", "resources"},
                                       {"data_source_schemas", "data-sources"},
                                       {"ephemeral_resource_schemas", "ephemeral-resources"}}) {
        if (!provider_schema.contains(kind))
            continue;
        for (const auto& [type, schema] : provider_schema[kind].items()) {
            pages.push_back({std::string(folder) + "/" + type.substr(type.find('_') + 1) + ".md", schema.at("block")});
        }
    }
    return pages;
}

}  // namespace schema_docs
