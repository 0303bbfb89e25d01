#include "acceptance-tests/emulator/connections.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <charconv>
#include <filesystem>
#include <functional>
#include <vector>

namespace emulator {

namespace {

// httplib serves a connection on one worker thread for as long as the connection stays open,
// idle time between requests included, and its default pool has 8 threads (one per core less
// one on bigger machines). Terraform at -parallelism=32 has the provider keep 16 and more
// connections open, and a test's admin calls come on top: with 8 workers the ninth connection
// would wait until another was closed for being idle, and a benchmark would time that queue
// rather than the provider. A connection beyond these still waits for a free worker.
constexpr std::size_t kWorkers = 128;

// httplib's listen loop hands every socket it accepts to the task queue, once, as the task that
// serves the connection until it closes (a TLS handshake included), and hands it nothing else:
// counting the tasks counts the connections.
class CountingWorkers final : public httplib::TaskQueue {
public:
    CountingWorkers(std::size_t threads, std::atomic<std::int64_t>& count) : workers_(threads), count_(count) {}

    void enqueue(std::function<void()> task) override {
        ++count_;
        workers_.enqueue(std::move(task));
    }
    void shutdown() override { workers_.shutdown(); }
    void on_idle() override { workers_.on_idle(); }

private:
    httplib::ThreadPool workers_;
    std::atomic<std::int64_t>& count_;
};

// The process's open descriptors.
std::vector<int> OpenDescriptors() {
    std::vector<int> descriptors;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
        const auto name = entry.path().filename().string();
        int descriptor = -1;
        if (std::from_chars(name.data(), name.data() + name.size(), descriptor).ec == std::errc())
            descriptors.push_back(descriptor);
    }
    return descriptors;
}

bool IsLoopback(const sockaddr_in& address, int port) {
    return address.sin_family == AF_INET && ntohs(address.sin_port) == port &&
           address.sin_addr.s_addr == htonl(0x7f000001U);
}

}  // namespace

httplib::TaskQueue* Connections::NewWorkers() {
    return new CountingWorkers(kWorkers, accepted_);
}

void Connections::CallStarted(const httplib::Request& request) {
    std::lock_guard lock(mutex_);
    in_flight_.emplace(request.remote_addr, request.remote_port);
}

void Connections::CallAnswered(const httplib::Request& request) {
    std::lock_guard lock(mutex_);
    const auto found = in_flight_.find(Peer(request.remote_addr, request.remote_port));
    if (found != in_flight_.end())
        in_flight_.erase(found);
}

// A server's connections are the sockets whose local end is its address and that have a peer
// (a client in this process has the port at its remote end instead). Shutting down the reading
// side ends a worker's wait for the next request: it sees the end of the stream. A connection
// with a call in flight is left alone, since before it writes an answer httplib peeks at the
// connection and takes the end of the stream for a client that left; the lock keeps a call from
// starting between the look at in_flight_ and the shutdown.
void Connections::ShutDownIdle(int port) {
    std::lock_guard lock(mutex_);
    for (const int descriptor : OpenDescriptors()) {
        sockaddr_in local{};
        socklen_t length = sizeof local;
        if (getsockname(descriptor, reinterpret_cast<sockaddr*>(&local), &length) != 0 || !IsLoopback(local, port))
            continue;
        sockaddr_in peer{};
        length = sizeof peer;
        if (getpeername(descriptor, reinterpret_cast<sockaddr*>(&peer), &length) != 0 || peer.sin_family != AF_INET)
            continue;
        char address[INET_ADDRSTRLEN] = {};
        inet_ntop(AF_INET, &peer.sin_addr, address, sizeof address);
        if (in_flight_.count(Peer(address, ntohs(peer.sin_port))) == 0)
            shutdown(descriptor, SHUT_RD);
    }
}

}  // namespace emulator
