#include "tfplugin/types/type.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace tfplugin {

struct Type::Data {
    TypeKind kind;
    std::vector<Type> elements;              // one for collections, many for tuples
    std::map<std::string, Type> attributes;  // objects only
};

Type::Type(std::shared_ptr<const Data> data) : data_(std::move(data)) {}

Type Type::String() {
    static const Type type(std::make_shared<const Data>(Data{TypeKind::kString, {}, {}}));
    return type;
}

Type Type::Number() {
    static const Type type(std::make_shared<const Data>(Data{TypeKind::kNumber, {}, {}}));
    return type;
}

Type Type::Bool() {
    static const Type type(std::make_shared<const Data>(Data{TypeKind::kBool, {}, {}}));
    return type;
}

Type Type::Dynamic() {
    static const Type type(std::make_shared<const Data>(Data{TypeKind::kDynamic, {}, {}}));
    return type;
}

Type Type::List(Type element) {
    return Type(std::make_shared<const Data>(Data{TypeKind::kList, {std::move(element)}, {}}));
}

Type Type::Set(Type element) {
    return Type(std::make_shared<const Data>(Data{TypeKind::kSet, {std::move(element)}, {}}));
}

Type Type::Map(Type element) {
    return Type(std::make_shared<const Data>(Data{TypeKind::kMap, {std::move(element)}, {}}));
}

Type Type::Object(std::map<std::string, Type> attributes) {
    return Type(std::make_shared<const Data>(Data{TypeKind::kObject, {}, std::move(attributes)}));
}

Type Type::Tuple(std::vector<Type> elements) {
    return Type(std::make_shared<const Data>(Data{TypeKind::kTuple, std::move(elements), {}}));
}

TypeKind Type::Kind() const {
    return data_->kind;
}

bool Type::IsPrimitive() const {
    return Kind() == TypeKind::kString || Kind() == TypeKind::kNumber || Kind() == TypeKind::kBool;
}

bool Type::IsCollection() const {
    return Kind() == TypeKind::kList || Kind() == TypeKind::kSet || Kind() == TypeKind::kMap;
}

const Type& Type::ElementType() const {
    if (!IsCollection()) {
        throw std::logic_error("ElementType() called on a type that is not a collection");
    }
    return data_->elements.front();
}

const std::map<std::string, Type>& Type::AttributeTypes() const {
    if (Kind() != TypeKind::kObject) {
        throw std::logic_error("AttributeTypes() called on a type that is not an object");
    }
    return data_->attributes;
}

const std::vector<Type>& Type::TupleElementTypes() const {
    if (Kind() != TypeKind::kTuple) {
        throw std::logic_error("TupleElementTypes() called on a type that is not a tuple");
    }
    return data_->elements;
}

namespace {

const char* PrimitiveName(TypeKind kind) {
    switch (kind) {
        case TypeKind::kString:
            return "string";
        case TypeKind::kNumber:
            return "number";
        case TypeKind::kBool:
            return "bool";
        case TypeKind::kDynamic:
            return "dynamic";
        default:
            return nullptr;
    }
}

const char* CollectionName(TypeKind kind) {
    switch (kind) {
        case TypeKind::kList:
            return "list";
        case TypeKind::kSet:
            return "set";
        case TypeKind::kMap:
            return "map";
        default:
            return nullptr;
    }
}

}  // namespace

nlohmann::json Type::ToJson() const {
    if (const char* name = PrimitiveName(Kind())) {
        return name;
    }
    if (const char* name = CollectionName(Kind())) {
        return nlohmann::json::array({name, ElementType().ToJson()});
    }
    if (Kind() == TypeKind::kObject) {
        auto attributes = nlohmann::json::object();
        for (const auto& [name, type] : AttributeTypes()) {
            attributes[name] = type.ToJson();
        }
        return nlohmann::json::array({"object", attributes});
    }
    auto elements = nlohmann::json::array();
    for (const auto& type : TupleElementTypes()) {
        elements.push_back(type.ToJson());
    }
    return nlohmann::json::array({"tuple", elements});
}

std::string Type::ToJsonString() const {
    return ToJson().dump();
}

std::string Type::FriendlyName() const {
    if (const char* name = PrimitiveName(Kind())) {
        return name;
    }
    if (const char* name = CollectionName(Kind())) {
        return std::string(name) + " of " + ElementType().FriendlyName();
    }
    return Kind() == TypeKind::kObject ? "object" : "tuple";
}

std::optional<Type> Type::FromJson(const nlohmann::json& json) {
    return FromJsonWithin(json, kMaxTypeDepth);
}

std::optional<Type> Type::FromJsonWithin(const nlohmann::json& json, std::size_t depth_left) {
    if (depth_left == 0) {
        return std::nullopt;  // deeper than any real type: see kMaxTypeDepth
    }
    if (json.is_string()) {
        const auto& name = json.get_ref<const std::string&>();
        if (name == "string")
            return String();
        if (name == "number")
            return Number();
        if (name == "bool")
            return Bool();
        if (name == "dynamic")
            return Dynamic();
        return std::nullopt;
    }
    if (!json.is_array() || json.size() != 2 || !json[0].is_string()) {
        return std::nullopt;
    }
    const auto& kind = json[0].get_ref<const std::string&>();
    if (kind == "list" || kind == "set" || kind == "map") {
        auto element = FromJsonWithin(json[1], depth_left - 1);
        if (!element)
            return std::nullopt;
        if (kind == "list")
            return List(*element);
        if (kind == "set")
            return Set(*element);
        return Map(*element);
    }
    if (kind == "object" && json[1].is_object()) {
        std::map<std::string, Type> attributes;
        for (const auto& [name, attribute_json] : json[1].items()) {
            auto attribute = FromJsonWithin(attribute_json, depth_left - 1);
            if (!attribute)
                return std::nullopt;
            attributes.emplace(name, *attribute);
        }
        return Object(std::move(attributes));
    }
    if (kind == "tuple" && json[1].is_array()) {
        std::vector<Type> elements;
        for (const auto& element_json : json[1]) {
            auto element = FromJsonWithin(element_json, depth_left - 1);
            if (!element)
                return std::nullopt;
            elements.push_back(*element);
        }
        return Tuple(std::move(elements));
    }
    return std::nullopt;
}

bool operator==(const Type& a, const Type& b) {
    if (a.data_ == b.data_)
        return true;
    if (a.Kind() != b.Kind())
        return false;
    return a.data_->elements == b.data_->elements && a.data_->attributes == b.data_->attributes;
}

}  // namespace tfplugin
