#pragma once

#include <stop_token>

namespace tfplugin {

/// Passed to every provider call. `stop` is requested when Terraform calls StopProvider
/// (the user pressed Ctrl-C): long waits and retries must give up promptly when it is.
struct CallContext {
    std::stop_token stop;
};

}  // namespace tfplugin
