#pragma once

#include <string>
#include <vector>

#include "tfplugin/framework/definition.hpp"
#include "tfplugin/framework/private_state.hpp"
#include "tfplugin/protocol/call_context.hpp"
#include "tfplugin/protocol/provider_server.hpp"

namespace tfplugin::framework {

struct CreateRequest {
    Value config;
    Value planned_state;  ///< may hold unknowns the resource must fill in
    PrivateState planned_private;
};

struct CreateResponse {
    /// Starts null: nothing exists yet. As soon as the object exists in the cloud the state must
    /// name it (its id), even if a later step fails: Terraform then records it as tainted and
    /// replaces it next time, instead of losing track of it.
    Value new_state;
    PrivateState private_state;  ///< starts as the planned private state
    Diagnostics diagnostics;
};

struct ReadRequest {
    Value current_state;
    PrivateState private_state;
};

struct ReadResponse {
    Value new_state;             ///< starts as the current state; null means the object is gone
    PrivateState private_state;  ///< starts as the request's
    Diagnostics diagnostics;
};

struct UpdateRequest {
    Value config;
    Value prior_state;
    Value planned_state;
    PrivateState planned_private;
};

struct UpdateResponse {
    Value new_state;             ///< starts as the prior state: nothing changed until the resource says so
    PrivateState private_state;  ///< starts as the planned private state
    Diagnostics diagnostics;
};

struct DeleteRequest {
    Value prior_state;
    PrivateState prior_private;
};

struct DeleteResponse {
    /// Kept with the prior state when deleting fails (starts as the prior private state), so
    /// what is still to be cleaned up is remembered for the next attempt.
    PrivateState private_state;
    Diagnostics diagnostics;
};

struct ModifyPlanRequest {
    Value config;
    Value prior_state;    ///< null when creating
    Value planned_state;  ///< after the framework's chores
    PrivateState prior_private;
};

struct ModifyPlanResponse {
    Value planned_state;  ///< starts as the request's planned state
    std::vector<AttributePath> requires_replace;
    PrivateState planned_private;  ///< starts as the prior private state; the apply receives it
    Diagnostics diagnostics;
};

struct ImportStateRequest {
    std::string id;
};

struct ImportStateResponse {
    Value state;  ///< what Read starts from; Terraform reads the object right after
    Diagnostics diagnostics;
};

struct UpgradeStateRequest {
    std::int64_t version = 0;
    /// Terraform's request's own: stored state may be tens of megabytes, so it is not copied.
    const RawState& raw_state;
};

struct UpgradeStateResponse {
    Value state;
    Diagnostics diagnostics;
};

/// One managed resource type. A resource declares its schema and rules once; the provider
/// base routes protocol calls to it and does the protocol chores around them. Each CRUD call
/// gets a response pre-filled with the state that is true if the call achieves nothing.
class Resource {
public:
    virtual ~Resource() = default;

    /// The full type name, e.g. "yandex_iam_service_account_api_key".
    [[nodiscard]] virtual std::string TypeName() const = 0;
    [[nodiscard]] virtual const Definition& GetDefinition() const = 0;

    /// Checks that involve several attributes or need more than a per-attribute validator.
    /// Attribute validators from the definition have already run. Unknown values are never errors.
    virtual void ValidateConfig(const CallContext& ctx, const Value& config, Diagnostics& diagnostics) const;
    /// Adjusts a create or update plan after the framework's chores (never called for destroy).
    virtual void ModifyPlan(const CallContext& ctx, const ModifyPlanRequest& request, ModifyPlanResponse& response);

    virtual void Create(const CallContext& ctx, const CreateRequest& request, CreateResponse& response) = 0;
    virtual void Read(const CallContext& ctx, const ReadRequest& request, ReadResponse& response) = 0;
    virtual void Update(const CallContext& ctx, const UpdateRequest& request, UpdateResponse& response) = 0;
    virtual void Delete(const CallContext& ctx, const DeleteRequest& request, DeleteResponse& response) = 0;

    /// Default: import is not supported.
    virtual void ImportState(const CallContext& ctx, const ImportStateRequest& request, ImportStateResponse& response);
    /// Default: state of the current schema version decodes as is; older versions are refused.
    virtual void UpgradeState(const CallContext& ctx,
                              const UpgradeStateRequest& request,
                              UpgradeStateResponse& response);
};

}  // namespace tfplugin::framework
