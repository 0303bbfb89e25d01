#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>

#include "tfplugin/types/value.hpp"

// Typed models, as terraform-plugin-framework's structs with `tfsdk` tags: a struct with one
// Value field per attribute (a Value keeps null and unknown, as types.String does), read from and
// written to the object Terraform sends through one table. A name in the table that the schema
// lacks throws on the first read, and a schema attribute the table lacks throws on the first
// write, so the object's first unit test catches either.
namespace tfplugin::framework {

template <typename Model>
struct ModelField {
    const char* attribute;
    Value Model::*member;
};

template <typename Model, std::size_t N>
class ModelFields {
public:
    constexpr explicit ModelFields(const std::array<ModelField<Model>, N>& fields) : fields_(fields) {}

    /// The fields of a known object.
    [[nodiscard]] Model Read(const Value& object) const {
        Model model;
        for (const auto& field : fields_)
            model.*field.member = object.Attribute(field.attribute);
        return model;
    }

    /// The object of `type` the fields make.
    [[nodiscard]] Value Write(const Model& model, const Type& type) const {
        std::map<std::string, Value> attributes;
        for (const auto& field : fields_)
            attributes.emplace(field.attribute, model.*field.member);
        return Value::Object(type, std::move(attributes));
    }

    /// Every field null, of its attribute's type in `type`.
    [[nodiscard]] Model Nulls(const Type& type) const {
        Model model;
        for (const auto& field : fields_)
            model.*field.member = Value::Null(type.AttributeTypes().at(field.attribute));
        return model;
    }

    /// The attribute a field stands for.
    [[nodiscard]] const char* NameOf(Value Model::*member) const {
        for (const auto& field : fields_) {
            if (field.member == member)
                return field.attribute;
        }
        throw std::logic_error("a typed model's field without an attribute");
    }

private:
    std::array<ModelField<Model>, N> fields_;
};

}  // namespace tfplugin::framework
