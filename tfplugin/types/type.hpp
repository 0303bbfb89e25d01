#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace tfplugin {

/// The kinds of Terraform's type system (cty): three primitives, three collections, two
/// structural types and the "any type" placeholder that schemas call dynamic.
enum class TypeKind : std::uint8_t { kString, kNumber, kBool, kList, kSet, kMap, kObject, kTuple, kDynamic };

/// An immutable Terraform type. Cheap to copy: composite types share their structure.
class Type {
public:
    static Type String();
    static Type Number();
    static Type Bool();
    static Type Dynamic();
    static Type List(Type element);
    static Type Set(Type element);
    static Type Map(Type element);
    static Type Object(std::map<std::string, Type> attributes);
    static Type Tuple(std::vector<Type> elements);

    /// Parses the JSON form used in schemas and in dynamic values: "string", ["list","string"],
    /// ["object",{"a":"bool"}], ["tuple",["number"]], "dynamic". Returns nothing when malformed.
    /// Types nesting deeper than kMaxTypeDepth are malformed too.
    static std::optional<Type> FromJson(const nlohmann::json& json);

    /// How deeply a type read from the wire may nest. A dynamic value names its own type, and
    /// every use of a type (comparison, encoding, destruction) recurses once per level; real
    /// types nest a handful of levels, and 64 matches the 128 document levels a value may use
    /// (each type level is two: ["list", ...]).
    static constexpr std::size_t kMaxTypeDepth = 64;

    [[nodiscard]] TypeKind Kind() const;
    [[nodiscard]] bool IsPrimitive() const;
    [[nodiscard]] bool IsCollection() const;  ///< list, set or map

    /// The element type of a list, set or map.
    [[nodiscard]] const Type& ElementType() const;
    /// The attribute types of an object, sorted by name.
    [[nodiscard]] const std::map<std::string, Type>& AttributeTypes() const;
    /// The element types of a tuple.
    [[nodiscard]] const std::vector<Type>& TupleElementTypes() const;

    [[nodiscard]] nlohmann::json ToJson() const;
    /// The compact JSON text of ToJson(), as it goes into a schema attribute's `type` field.
    [[nodiscard]] std::string ToJsonString() const;
    /// A short human-readable name for messages: "string", "list of string", "object".
    [[nodiscard]] std::string FriendlyName() const;

    friend bool operator==(const Type& a, const Type& b);

private:
    struct Data;
    explicit Type(std::shared_ptr<const Data> data);
    static std::optional<Type> FromJsonWithin(const nlohmann::json& json, std::size_t depth_left);
    std::shared_ptr<const Data> data_;
};

}  // namespace tfplugin
