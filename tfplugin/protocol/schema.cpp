#include "tfplugin/protocol/schema.hpp"

namespace tfplugin {

Type Block::ValueType() const {
    std::map<std::string, Type> types;
    for (const auto& attribute : attributes) {
        types.emplace(attribute.name, attribute.type);
    }
    for (const auto& nested : block_types) {
        types.emplace(nested.type_name, nested.ValueType());
    }
    return Type::Object(std::move(types));
}

const Attribute* Block::FindAttribute(const std::string& name) const {
    for (const auto& attribute : attributes) {
        if (attribute.name == name)
            return &attribute;
    }
    return nullptr;
}

const NestedBlock* Block::FindBlock(const std::string& type_name) const {
    for (const auto& nested : block_types) {
        if (nested.type_name == type_name)
            return &nested;
    }
    return nullptr;
}

Type NestedBlock::ValueType() const {
    const auto object = block.ValueType();
    switch (nesting) {
        case NestingMode::kList:
            return Type::List(object);
        case NestingMode::kSet:
            return Type::Set(object);
        case NestingMode::kMap:
            return Type::Map(object);
        case NestingMode::kSingle:
        case NestingMode::kGroup:
        case NestingMode::kInvalid:
            break;
    }
    return object;
}

}  // namespace tfplugin
