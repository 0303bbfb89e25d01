#include "tfplugin/framework/data_source.hpp"

namespace tfplugin::framework {

void DataSource::ValidateConfig(const CallContext& /*ctx*/,
                                const Value& /*config*/,
                                Diagnostics& /*diagnostics*/) const {}

}  // namespace tfplugin::framework
