#pragma once

#include "tfplugin/protocol/provider_server.hpp"
#include "tfplugin6.pb.h"

// Translation between tfplugin6 protobuf messages and our C++ types. The rest of the code base
// never sees a protobuf type.
namespace tfplugin::server {

void ToProto(const Schema& schema, tfplugin6::Schema& proto);
void ToProto(const Diagnostics& diagnostics, google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& proto);
void ToProto(const AttributePath& path, tfplugin6::AttributePath& proto);
void ToProto(const ServerCapabilities& capabilities, tfplugin6::ServerCapabilities& proto);
/// Always msgpack, as Terraform prefers.
void ToProto(const Value& value, const Type& type, tfplugin6::DynamicValue& proto);

ClientCapabilities FromProto(const tfplugin6::ClientCapabilities& proto);

/// Decodes a DynamicValue (msgpack, or JSON when msgpack is empty) against the schema type. An
/// absent value is null. On failure returns nothing and adds an error diagnostic naming the
/// attribute path and which value (`what`, e.g. "configuration") was malformed.
std::optional<Value> FromProto(const tfplugin6::DynamicValue& proto,
                               const Type& type,
                               const std::string& what,
                               Diagnostics& diagnostics);

}  // namespace tfplugin::server
