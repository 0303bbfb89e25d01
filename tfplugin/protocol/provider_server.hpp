#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tfplugin/protocol/call_context.hpp"
#include "tfplugin/protocol/diagnostics.hpp"
#include "tfplugin/protocol/schema.hpp"
#include "tfplugin/types/value.hpp"

// The provider's side of tfplugin6 in plain C++ types: what the gRPC server calls after it
// decoded the wire messages against the schemas. Requests come by const reference, responses
// are filled in place; user-facing problems go into the response's diagnostics.
namespace tfplugin {

/// Optional protocol features the provider supports.
struct ServerCapabilities {
    bool plan_destroy = false;                  ///< PlanResourceChange is also called for destroy
    bool get_provider_schema_optional = false;  ///< Terraform may skip GetProviderSchema when cached
    bool move_resource_state = false;
};

/// Optional protocol features Terraform supports.
struct ClientCapabilities {
    bool deferral_allowed = false;
    bool write_only_attributes_allowed = false;
};

struct GetMetadataResponse {
    ServerCapabilities capabilities;
    std::vector<std::string> resources;
    std::vector<std::string> data_sources;
    std::vector<std::string> ephemeral_resources;
    Diagnostics diagnostics;
};

struct GetProviderSchemaResponse {
    Schema provider;
    std::map<std::string, Schema> resource_schemas;
    std::map<std::string, Schema> data_source_schemas;
    std::map<std::string, Schema> ephemeral_resource_schemas;
    ServerCapabilities capabilities;
    Diagnostics diagnostics;
};

struct ValidateProviderConfigRequest {
    Value config;
};

struct ValidateResourceConfigRequest {
    std::string type_name;
    Value config;
    ClientCapabilities client_capabilities;
};

struct ValidateDataResourceConfigRequest {
    std::string type_name;
    Value config;
};

struct ValidateResponse {
    Diagnostics diagnostics;
};

struct ConfigureProviderRequest {
    std::string terraform_version;
    Value config;
    ClientCapabilities client_capabilities;
};

struct ConfigureProviderResponse {
    Diagnostics diagnostics;
};

/// Stored state as Terraform kept it: JSON in the schema of the version that wrote it.
struct RawState {
    std::string json;
    std::map<std::string, std::string> flatmap;  ///< only from Terraform 0.11 and older
};

struct UpgradeResourceStateRequest {
    std::string type_name;
    std::int64_t version = 0;
    RawState raw_state;
};

struct UpgradeResourceStateResponse {
    Value upgraded_state;
    Diagnostics diagnostics;
};

struct ReadResourceRequest {
    std::string type_name;
    Value current_state;
    std::string private_state;
    ClientCapabilities client_capabilities;
};

struct ReadResourceResponse {
    Value new_state;  ///< null: the object no longer exists
    std::string private_state;
    Diagnostics diagnostics;
};

struct PlanResourceChangeRequest {
    std::string type_name;
    Value prior_state;         ///< null when creating
    Value proposed_new_state;  ///< null when destroying
    Value config;
    std::string prior_private;
    ClientCapabilities client_capabilities;
};

struct PlanResourceChangeResponse {
    Value planned_state;
    std::vector<AttributePath> requires_replace;
    std::string planned_private;
    Diagnostics diagnostics;
};

struct ApplyResourceChangeRequest {
    std::string type_name;
    Value prior_state;
    Value planned_state;  ///< null when destroying
    Value config;
    std::string planned_private;
};

struct ApplyResourceChangeResponse {
    Value new_state;
    std::string private_state;
    Diagnostics diagnostics;
};

struct ImportResourceStateRequest {
    std::string type_name;
    std::string id;
    ClientCapabilities client_capabilities;
};

struct ImportedResource {
    std::string type_name;
    Value state;
    std::string private_state;
};

struct ImportResourceStateResponse {
    std::vector<ImportedResource> imported_resources;
    Diagnostics diagnostics;
};

struct ReadDataSourceRequest {
    std::string type_name;
    Value config;
    ClientCapabilities client_capabilities;
};

struct ReadDataSourceResponse {
    Value state;  ///< the data source's attributes, its computed ones filled in
    Diagnostics diagnostics;
};

struct ValidateEphemeralResourceConfigRequest {
    std::string type_name;
    Value config;
};

/// When Terraform should call Renew, if the provider wants it to before Close.
using RenewAt = std::optional<std::chrono::system_clock::time_point>;

struct OpenEphemeralResourceRequest {
    std::string type_name;
    Value config;
    ClientCapabilities client_capabilities;
};

/// The result lives in Terraform's memory only, never in a plan or a state. `private_data` comes
/// back with Renew and Close, so they know what was opened.
struct OpenEphemeralResourceResponse {
    Value result;
    std::string private_data;
    RenewAt renew_at;
    Diagnostics diagnostics;
};

struct RenewEphemeralResourceRequest {
    std::string type_name;
    std::string private_data;
};

struct RenewEphemeralResourceResponse {
    std::string private_data;
    RenewAt renew_at;
    Diagnostics diagnostics;
};

struct CloseEphemeralResourceRequest {
    std::string type_name;
    std::string private_data;
};

struct CloseEphemeralResourceResponse {
    Diagnostics diagnostics;
};

/// The kinds of object a provider offers besides itself.
enum class ObjectKind { kResource, kDataSource, kEphemeralResource };

/// Everything a provider of managed resources, data sources and ephemeral resources answers. The gRPC server owns the
/// wire; an implementation sees only these types.
class ProviderServer {
public:
    virtual ~ProviderServer() = default;

    virtual GetMetadataResponse GetMetadata() = 0;
    virtual GetProviderSchemaResponse GetProviderSchema() = 0;
    /// The value type of the object `type_name` of `kind`, which the server decodes its values
    /// with, or nullptr after an error diagnostic: Terraform only sends names the schema announced.
    virtual const Type* ValueTypeOf(ObjectKind kind, const std::string& type_name, Diagnostics& diagnostics) const = 0;
    virtual void ValidateProviderConfig(const CallContext& ctx,
                                        const ValidateProviderConfigRequest& request,
                                        ValidateResponse& response) = 0;
    virtual void ValidateResourceConfig(const CallContext& ctx,
                                        const ValidateResourceConfigRequest& request,
                                        ValidateResponse& response) = 0;
    virtual void ConfigureProvider(const CallContext& ctx,
                                   const ConfigureProviderRequest& request,
                                   ConfigureProviderResponse& response) = 0;
    virtual void UpgradeResourceState(const CallContext& ctx,
                                      const UpgradeResourceStateRequest& request,
                                      UpgradeResourceStateResponse& response) = 0;
    virtual void ReadResource(const CallContext& ctx,
                              const ReadResourceRequest& request,
                              ReadResourceResponse& response) = 0;
    virtual void PlanResourceChange(const CallContext& ctx,
                                    const PlanResourceChangeRequest& request,
                                    PlanResourceChangeResponse& response) = 0;
    virtual void ApplyResourceChange(const CallContext& ctx,
                                     const ApplyResourceChangeRequest& request,
                                     ApplyResourceChangeResponse& response) = 0;
    virtual void ImportResourceState(const CallContext& ctx,
                                     const ImportResourceStateRequest& request,
                                     ImportResourceStateResponse& response) = 0;
    virtual void ValidateDataResourceConfig(const CallContext& ctx,
                                            const ValidateDataResourceConfigRequest& request,
                                            ValidateResponse& response) = 0;
    virtual void ReadDataSource(const CallContext& ctx,
                                const ReadDataSourceRequest& request,
                                ReadDataSourceResponse& response) = 0;
    virtual void ValidateEphemeralResourceConfig(const CallContext& ctx,
                                                 const ValidateEphemeralResourceConfigRequest& request,
                                                 ValidateResponse& response) = 0;
    virtual void OpenEphemeralResource(const CallContext& ctx,
                                       const OpenEphemeralResourceRequest& request,
                                       OpenEphemeralResourceResponse& response) = 0;
    virtual void RenewEphemeralResource(const CallContext& ctx,
                                        const RenewEphemeralResourceRequest& request,
                                        RenewEphemeralResourceResponse& response) = 0;
    virtual void CloseEphemeralResource(const CallContext& ctx,
                                        const CloseEphemeralResourceRequest& request,
                                        CloseEphemeralResourceResponse& response) = 0;
};

}  // namespace tfplugin
