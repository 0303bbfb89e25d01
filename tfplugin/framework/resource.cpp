#include "tfplugin/framework/resource.hpp"

namespace tfplugin::framework {

void Resource::ValidateConfig(const CallContext& /*ctx*/, const Value& /*config*/, Diagnostics& /*diagnostics*/) const {
}

}  // namespace tfplugin::framework
