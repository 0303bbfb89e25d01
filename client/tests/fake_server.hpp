#pragma once

#include <httplib.h>

#include <atomic>
#include <functional>
#include <string>
#include <thread>

namespace ycloud::testing {

/// A loopback HTTP server for client tests: register handlers on Routes(), then Start(). Like a
/// cloud gateway it keeps connections alive for as many requests as a client sends and serves
/// many at once, and it counts the connections it accepts, so tests can see connection reuse.
class FakeServer {
public:
    FakeServer() {
        server_.set_keep_alive_max_count(1'000'000);
        server_.new_task_queue = [this] { return new CountingQueue(kWorkers, connections_); };
    }
    FakeServer(const FakeServer&) = delete;
    FakeServer& operator=(const FakeServer&) = delete;
    ~FakeServer() {
        server_.stop();
        if (thread_.joinable())
            thread_.join();
    }

    httplib::Server& Routes() { return server_; }

    void Start() {
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        // This cpp-httplib has no wait_until_ready(); the socket is bound already, so connections
        // queue until the thread accepts them. Wait for it anyway to keep timings honest.
        while (!server_.is_running())
            std::this_thread::yield();
    }

    [[nodiscard]] std::string Url(const std::string& path = "") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }
    [[nodiscard]] int Port() const { return port_; }
    /// TCP connections accepted since Start().
    [[nodiscard]] int ConnectionsAccepted() const { return connections_.load(); }

private:
    // httplib hands each accepted connection to its task queue once, and a kept-alive connection
    // holds a worker for its life.
    static constexpr std::size_t kWorkers = 64;
    class CountingQueue final : public httplib::ThreadPool {
    public:
        CountingQueue(std::size_t workers, std::atomic<int>& accepted)
            : httplib::ThreadPool(workers), accepted_(accepted) {}
        void enqueue(std::function<void()> task) override {
            ++accepted_;
            httplib::ThreadPool::enqueue(std::move(task));
        }

    private:
        std::atomic<int>& accepted_;
    };

    std::atomic<int> connections_{0};
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace ycloud::testing
