#pragma once

#include <string>

#include "tfplugin/protocol/schema.hpp"

// Short constructors for schema attributes, so a schema reads as a list of declarations.
namespace tfplugin::framework {

Attribute Required(std::string name, Type type, std::string description);
Attribute Optional(std::string name, Type type, std::string description);
Attribute Computed(std::string name, Type type, std::string description);
Attribute OptionalComputed(std::string name, Type type, std::string description);
/// The same attribute, marked sensitive: Terraform hides its value in plans and output.
Attribute Sensitive(Attribute attribute);
/// The same attribute, marked deprecated with the message Terraform shows when it is used.
Attribute Deprecated(Attribute attribute, std::string message);

}  // namespace tfplugin::framework
