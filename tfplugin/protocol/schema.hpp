#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tfplugin/types/type.hpp"

namespace tfplugin {

/// How an attribute gets its value. One enum instead of three flags, so impossible
/// combinations (required and computed) cannot be written down.
enum class AttributeMode : std::uint8_t {
    kRequired,          ///< the configuration must set it
    kOptional,          ///< the configuration may set it; null otherwise
    kComputed,          ///< only the provider sets it
    kOptionalComputed,  ///< the configuration may set it; the provider fills it in otherwise
};

enum class DescriptionKind : std::uint8_t { kPlain, kMarkdown };

struct Attribute {
    std::string name;
    Type type = Type::String();
    AttributeMode mode = AttributeMode::kOptional;
    std::string description;  ///< Markdown
    bool sensitive = false;
    bool deprecated = false;
    std::string deprecation_message;
    bool write_only = false;

    [[nodiscard]] bool IsRequired() const { return mode == AttributeMode::kRequired; }
    [[nodiscard]] bool IsOptional() const {
        return mode == AttributeMode::kOptional || mode == AttributeMode::kOptionalComputed;
    }
    [[nodiscard]] bool IsComputed() const {
        return mode == AttributeMode::kComputed || mode == AttributeMode::kOptionalComputed;
    }
};

/// How a nested block repeats; the values mirror tfplugin6's NestedBlock.NestingMode.
enum class NestingMode : std::uint8_t { kInvalid = 0, kSingle, kList, kSet, kMap, kGroup };

struct NestedBlock;

struct Block {
    std::vector<Attribute> attributes;
    std::vector<NestedBlock> block_types;
    std::string description;  ///< Markdown
    bool deprecated = false;

    /// The object type of values of this block: attributes plus nested blocks.
    [[nodiscard]] Type ValueType() const;
    [[nodiscard]] const Attribute* FindAttribute(const std::string& name) const;
    [[nodiscard]] const NestedBlock* FindBlock(const std::string& type_name) const;
};

struct NestedBlock {
    std::string type_name;
    Block block;
    NestingMode nesting = NestingMode::kList;
    std::int64_t min_items = 0;
    std::int64_t max_items = 0;  ///< 0: no limit

    /// The type this block contributes to its parent object.
    [[nodiscard]] Type ValueType() const;
};

struct Schema {
    std::int64_t version = 0;
    Block block;

    [[nodiscard]] Type ValueType() const { return block.ValueType(); }
};

}  // namespace tfplugin
