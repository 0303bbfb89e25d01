#pragma once

#include <string>

#include "tfplugin/framework/definition.hpp"
#include "tfplugin/framework/private_state.hpp"
#include "tfplugin/protocol/call_context.hpp"
#include "tfplugin/protocol/provider_server.hpp"

namespace tfplugin::framework {

struct OpenRequest {
    Value config;
};

struct OpenResponse {
    /// Starts as the configuration; the resource fills in its computed attributes. Every attribute
    /// must be known when it returns without an error. Terraform keeps the result in memory only.
    Value result;
    /// What Renew and Close need to find what was opened (an id, never a secret: Terraform holds
    /// it in memory, but a provider should not make it the one place a secret could leak from).
    /// Close always gets this, Open's own, even after a Renew changed it for the next Renew.
    PrivateState private_state;
    RenewAt renew_at;  ///< when set, Terraform calls Renew then if it still needs the result
    Diagnostics diagnostics;
};

struct RenewRequest {
    PrivateState private_state;
};

struct RenewResponse {
    PrivateState private_state;  ///< starts as the request's; goes to the next Renew, not to Close
    RenewAt renew_at;
    Diagnostics diagnostics;
};

struct CloseRequest {
    PrivateState private_state;
};

struct CloseResponse {
    Diagnostics diagnostics;
};

/// One ephemeral resource type (Terraform 1.10 and later): opened when a run needs its result,
/// renewed if it asks to be, closed when the run is done with it. Nothing of it reaches a plan or
/// a state. Renew and Close are optional: by default there is nothing to renew or release.
/// Terraform closes only what opened without an error: an Open that fails after acquiring
/// something must release it itself. One object serves every instance, possibly at once.
class EphemeralResource {
public:
    virtual ~EphemeralResource() = default;

    /// The full type name, e.g. "yandex_iam_service_account_api_key".
    [[nodiscard]] virtual std::string TypeName() const = 0;
    [[nodiscard]] virtual const Definition& GetDefinition() const = 0;

    /// Checks that involve several attributes or need more than a per-attribute validator.
    /// Attribute validators from the definition have already run. Unknown values are never errors.
    virtual void ValidateConfig(const CallContext& ctx, const Value& config, Diagnostics& diagnostics) const;

    virtual void Open(const CallContext& ctx, const OpenRequest& request, OpenResponse& response) = 0;
    virtual void Renew(const CallContext& ctx, const RenewRequest& request, RenewResponse& response);
    virtual void Close(const CallContext& ctx, const CloseRequest& request, CloseResponse& response);
};

}  // namespace tfplugin::framework
