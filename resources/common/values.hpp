#pragma once

#include <string>
#include <vector>

#include "tfplugin/types/value.hpp"

// Between Terraform values and the plain strings the API speaks, the same way in every resource,
// data source and ephemeral resource. The API leaves out empty fields; Terraform tells "" from
// null; these say which side wins.
namespace provider {

/// The string of a known value; `fallback` for null or unknown.
std::string TextOr(const tfplugin::Value& value, const std::string& fallback = "");
/// The known strings of a known list or set; none for null or unknown.
std::vector<std::string> Texts(const tfplugin::Value& list);
/// A string attribute as the API reports it: null for "", which the API leaves out.
tfplugin::Value TextOrNull(const std::string& text);
tfplugin::Value TextList(const std::vector<std::string>& items);

}  // namespace provider
