#include "tfplugin/server/lifecycle.hpp"

#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <ctime>

namespace tfplugin::server {

namespace {

// How often the watcher looks at the parent process. A dead Terraform is noticed within this.
constexpr long kParentPollNanoseconds = 200'000'000;

sigset_t WatchedSignals(bool stop_on_interrupt) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGHUP);
    if (stop_on_interrupt)
        sigaddset(&signals, SIGINT);
    return signals;
}

}  // namespace

Lifecycle::Lifecycle(bool stop_on_interrupt) : stop_on_interrupt_(stop_on_interrupt), parent_pid_(getppid()) {
    std::signal(SIGPIPE, SIG_IGN);
    if (!stop_on_interrupt_) {
        std::signal(SIGINT, SIG_IGN);
    }
    const sigset_t signals = WatchedSignals(stop_on_interrupt_);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    watcher_ = std::thread([this] { Watch(); });
}

Lifecycle::~Lifecycle() {
    RequestShutdown("exiting");
    // Wake the watcher from its wait at once rather than at its next poll.
    pthread_kill(watcher_.native_handle(), SIGHUP);
    watcher_.join();
}

void Lifecycle::Watch() {
    const sigset_t signals = WatchedSignals(stop_on_interrupt_);
    const timespec poll{0, kParentPollNanoseconds};
    while (!ShutdownRequested()) {
        const int signal = sigtimedwait(&signals, nullptr, &poll);
        if (signal > 0) {
            RequestShutdown(std::string("received signal ") + strsignal(signal));
        } else if (getppid() != parent_pid_) {
            RequestShutdown("the parent process exited");
        }
    }
}

void Lifecycle::RequestShutdown(const std::string& reason) {
    {
        std::lock_guard lock(mutex_);
        if (shutdown_)
            return;
        shutdown_ = true;
        reason_ = reason;
    }
    changed_.notify_all();
}

std::string Lifecycle::WaitForShutdown() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return shutdown_; });
    return reason_;
}

bool Lifecycle::ShutdownRequested() {
    std::lock_guard lock(mutex_);
    return shutdown_;
}

}  // namespace tfplugin::server
