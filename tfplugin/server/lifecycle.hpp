#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace tfplugin::server {

/// Decides when the plugin process ends: on go-plugin's Controller.Shutdown, on SIGTERM, or
/// when the parent (Terraform) dies, so no provider process outlives its Terraform. SIGINT is
/// ignored as go-plugin servers do: Terraform handles Ctrl-C and calls StopProvider instead,
/// except in debug mode, where Ctrl-C is how the user stops the server.
class Lifecycle {
public:
    /// Must be constructed before any other thread starts, so that every thread inherits the
    /// signal mask that routes SIGTERM (and SIGINT in debug mode) to the watcher.
    explicit Lifecycle(bool stop_on_interrupt);
    Lifecycle(const Lifecycle&) = delete;
    Lifecycle& operator=(const Lifecycle&) = delete;
    ~Lifecycle();

    /// Asks the process to end; safe from any thread, repeated calls are harmless.
    void RequestShutdown(const std::string& reason);
    /// Blocks until shutdown is requested; returns the reason.
    std::string WaitForShutdown();
    [[nodiscard]] bool ShutdownRequested();

private:
    void Watch();

    bool stop_on_interrupt_;
    int parent_pid_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool shutdown_ = false;
    std::string reason_;
    std::thread watcher_;
};

}  // namespace tfplugin::server
