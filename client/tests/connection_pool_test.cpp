// Connection reuse under Terraform's concurrency: calls from many threads at once share the
// transport's connection pool, so the number of TCP connections opened stays at the number of
// calls in flight rather than growing with the number of calls (against the real cloud each new
// connection is also a TLS handshake).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "client/http/curl_transport.hpp"
#include "client/tests/fake_server.hpp"

namespace ycloud::http {
namespace {

using namespace std::chrono_literals;

constexpr int kThreads = 10;  // Terraform's default -parallelism
constexpr int kCallsPerThread = 20;

// Serves a short answer after a pause, so that the threads' calls overlap.
class SlowEcho {
public:
    SlowEcho() {
        server_.Routes().Get("/echo", [](const httplib::Request&, httplib::Response& response) {
            std::this_thread::sleep_for(2ms);
            response.set_content("{}", "application/json");
        });
        server_.Start();
    }

    // Runs kThreads threads of kCallsPerThread calls each through one transport; returns how many
    // connections the server accepted meanwhile.
    int ConnectionsFor(TransportOptions options) {
        CurlTransport transport(std::move(options));
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back([&] {
                for (int call = 0; call < kCallsPerThread; ++call) {
                    Request request;
                    request.url = server_.Url("/echo");
                    const auto answer = transport.Perform(request, Context{});
                    if (!answer || answer.Value().status != 200)
                        ++failures;
                }
            });
        }
        for (auto& thread : threads)
            thread.join();
        EXPECT_EQ(failures.load(), 0);
        return server_.ConnectionsAccepted();
    }

private:
    testing::FakeServer server_;
};

TEST(ConnectionPool, ByDefaultKeepsAConnectionPerConcurrentCall) {
    SlowEcho server;
    const int connections = server.ConnectionsFor(TransportOptions{});
    EXPECT_GE(connections, 1);
    EXPECT_LE(connections, kThreads) << kThreads * kCallsPerThread << " calls from " << kThreads
                                     << " threads should reuse one connection per thread at most";
}

// The setting is what bounds the pool: a pool smaller than the calls in flight closes a
// connection whenever one comes back to a full pool, and new calls connect again.
TEST(ConnectionPool, APoolSmallerThanTheCallsInFlightOpensNewConnections) {
    SlowEcho server;
    TransportOptions options;
    options.connection_pool_size = 2;
    const int connections = server.ConnectionsFor(options);
    EXPECT_GT(connections, 2 * kThreads) << "a pool of 2 for " << kThreads << " concurrent callers";
}

}  // namespace
}  // namespace ycloud::http
