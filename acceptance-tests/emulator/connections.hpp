#pragma once

#include <httplib.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <utility>

namespace emulator {

/// The server's TCP connections, which httplib keeps to itself: the workers that serve them,
/// how many were accepted, and which have a call in flight, so that Stop() can close the idle
/// ones without cutting an answer short.
class Connections {
public:
    /// The server's task queue (httplib's new_task_queue); httplib owns what it returns.
    httplib::TaskQueue* NewWorkers();
    /// The TCP connections accepted so far, over TLS too, whether or not a request came on them.
    [[nodiscard]] std::int64_t Accepted() const { return accepted_.load(); }

    /// A call on the request's connection is being handled: from the pre-routing handler, which
    /// every request that was read reaches, until CallAnswered from the logger, which httplib
    /// calls once the answer is written.
    void CallStarted(const httplib::Request& request);
    void CallAnswered(const httplib::Request& request);

    /// Ends, for reading, the connections a server on 127.0.0.1:`port` accepted that have no
    /// call in flight: a worker waiting there for the next request then closes its connection at
    /// once instead of at the idle timeout. Call it only once the server stopped listening, so
    /// that no connection accepted later can match.
    void ShutDownIdle(int port);

private:
    using Peer = std::pair<std::string, int>;  ///< the client's address and port

    std::atomic<std::int64_t> accepted_{0};
    std::mutex mutex_;
    std::multiset<Peer> in_flight_;
};

}  // namespace emulator
