#include "tfplugin/server/stop_signal.hpp"

namespace tfplugin::server {

std::stop_token StopSignal::Token() {
    std::lock_guard lock(mutex_);
    return source_.get_token();
}

void StopSignal::StopCallsInFlight() {
    std::lock_guard lock(mutex_);
    source_.request_stop();
    source_ = std::stop_source();
}

}  // namespace tfplugin::server
