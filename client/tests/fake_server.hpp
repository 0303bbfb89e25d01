#pragma once

#include <httplib.h>

#include <string>
#include <thread>

namespace ycloud::testing {

/// A loopback HTTP server for client tests: register handlers on Routes(), then Start().
class FakeServer {
public:
    FakeServer() = default;
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

private:
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace ycloud::testing
