#include "client/context.hpp"

#include <condition_variable>
#include <mutex>

namespace ycloud {

bool SleepUnlessStopped(std::chrono::milliseconds delay, const Context& context) {
    std::mutex mutex;
    std::condition_variable_any wake;
    std::unique_lock lock(mutex);
    // Nothing notifies `wake`: only the stop token or the timeout end the wait.
    return !wake.wait_for(lock, context.stop, delay, [] { return false; }) && !context.stop.stop_requested();
}

}  // namespace ycloud
