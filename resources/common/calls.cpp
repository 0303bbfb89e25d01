#include "resources/common/calls.hpp"

namespace provider {

ycloud::Context CallContextFor(const tfplugin::CallContext& ctx, std::chrono::nanoseconds timeout) {
    ycloud::Context call;
    call.stop = ctx.stop;
    call.deadline = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::milliseconds>(timeout);
    return call;
}

void AddApiError(tfplugin::Diagnostics& diagnostics, const std::string& summary, const ycloud::Error& error) {
    diagnostics.AddError(summary, error.ToString());
}

}  // namespace provider
