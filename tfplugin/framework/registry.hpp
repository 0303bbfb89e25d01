#pragma once

#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tfplugin/protocol/diagnostics.hpp"
#include "tfplugin/protocol/schema.hpp"

namespace tfplugin::framework {

/// The objects of one kind a provider offers (its resources, its data sources), by type name:
/// one place to add them and one lookup, with one diagnostic for a name the provider lacks. Each
/// object's value type is derived from its schema once, when it is added.
template <typename Kind>
class Registry {
public:
    /// `kind` names the kind in diagnostics: "resource type", "data source".
    explicit Registry(std::string kind) : kind_(std::move(kind)) {}

    /// Two objects with one type name are a programming error, caught as the provider is built.
    void Add(std::unique_ptr<Kind> entry) {
        auto name = entry->TypeName();
        if (entries_.count(name) != 0) {
            throw std::logic_error("two " + kind_ + "s are named " + name);
        }
        auto value_type = entry->GetDefinition().schema.ValueType();
        entries_.emplace(std::move(name), Entry{std::move(entry), std::move(value_type)});
    }

    /// The entry with this type name, or nullptr after adding an error diagnostic. Terraform only
    /// asks for names the provider's schema announced, so a miss is the provider's own problem.
    Kind* Find(const std::string& type_name, Diagnostics& diagnostics) const {
        const auto* entry = FindEntry(type_name, diagnostics);
        return entry == nullptr ? nullptr : entry->object.get();
    }

    /// The value type of the entry's schema, or nullptr after the same diagnostic as Find.
    const Type* ValueTypeOf(const std::string& type_name, Diagnostics& diagnostics) const {
        const auto* entry = FindEntry(type_name, diagnostics);
        return entry == nullptr ? nullptr : &entry->value_type;
    }

    [[nodiscard]] std::vector<std::string> Names() const {
        std::vector<std::string> names;
        for (const auto& [name, entry] : entries_) {
            names.push_back(name);
        }
        return names;
    }

    [[nodiscard]] std::map<std::string, Schema> Schemas() const {
        std::map<std::string, Schema> schemas;
        for (const auto& [name, entry] : entries_) {
            schemas.emplace(name, entry.object->GetDefinition().schema);
        }
        return schemas;
    }

private:
    struct Entry {
        std::unique_ptr<Kind> object;
        Type value_type;
    };

    const Entry* FindEntry(const std::string& type_name, Diagnostics& diagnostics) const {
        auto found = entries_.find(type_name);
        if (found == entries_.end()) {
            diagnostics.AddError("Unknown " + kind_,
                                 "This provider has no " + kind_ + " \"" + type_name +
                                     "\". This is always a problem with the provider: please report it.");
            return nullptr;
        }
        return &found->second;
    }

    std::string kind_;
    std::map<std::string, Entry> entries_;
};

}  // namespace tfplugin::framework
