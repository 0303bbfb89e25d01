#include "tfplugin/framework/ephemeral_resource.hpp"

namespace tfplugin::framework {

void EphemeralResource::ValidateConfig(const CallContext& /*ctx*/,
                                       const Value& /*config*/,
                                       Diagnostics& /*diagnostics*/) const {}

void EphemeralResource::Renew(const CallContext& /*ctx*/,
                              const RenewRequest& /*request*/,
                              RenewResponse& /*response*/) {}

void EphemeralResource::Close(const CallContext& /*ctx*/,
                              const CloseRequest& /*request*/,
                              CloseResponse& /*response*/) {}

}  // namespace tfplugin::framework
