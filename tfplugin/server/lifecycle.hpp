#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace tfplugin::server {

/// Why the process is to end.
struct ShutdownRequest {
    std::string reason;
    /// Terraform said it is done with the plugin and has had its answer: no call is left that
    /// needs time to finish. Otherwise (a signal, the parent's death) calls in flight get some.
    bool client_done = false;
};

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

    /// Asks the process to end; safe from any thread, and the first request is the one that
    /// counts. `client_done` as in ShutdownRequest.
    void RequestShutdown(const std::string& reason, bool client_done = false);
    /// Blocks until shutdown is requested; returns the request.
    ShutdownRequest WaitForShutdown();
    [[nodiscard]] bool ShutdownRequested();

private:
    void Watch();

    bool stop_on_interrupt_;
    int parent_pid_;
    std::mutex mutex_;
    std::condition_variable changed_;
    bool shutdown_ = false;
    ShutdownRequest request_;
    std::thread watcher_;
};

}  // namespace tfplugin::server
