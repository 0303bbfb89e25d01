// How the emulator treats connections: enough workers for every kept-alive connection a busy
// provider holds, and a Stop() that does not wait for idle ones to time out.
#include <chrono>
#include <future>
#include <latch>
#include <thread>
#include <vector>

#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::chrono::milliseconds Since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

// httplib serves each open connection on a worker of its own, idle or not: with too few workers
// a connection past the last one waits until another is closed, and calls that should run side
// by side run in turns.
TEST_F(EmulatorTest, ServesManyKeptAliveConnectionsAtOnce) {
    constexpr int kConnections = 48;
    constexpr int kLatencyMs = 1000;
    std::vector<std::unique_ptr<httplib::Client>> clients;
    for (int i = 0; i < kConnections; ++i) {
        auto client = NewClient();
        client->set_keep_alive(true);
        client->set_read_timeout(std::chrono::seconds(3));
        auto answer = client->Get("/endpoints");
        ASSERT_TRUE(answer) << "connection " << i + 1 << " got no worker";
        ASSERT_EQ(answer->status, 200);
        clients.push_back(std::move(client));
    }
    Fault({{"path", "/*"}, {"latencyMs", kLatencyMs}, {"count", "all"}});

    std::latch start(kConnections + 1);
    std::vector<std::future<int>> statuses;
    for (auto& client : clients) {
        statuses.push_back(std::async(std::launch::async, [&client, &start] {
            start.arrive_and_wait();
            auto answer = client->Get("/endpoints");
            return answer ? answer->status : -1;
        }));
    }
    const auto started = Clock::now();
    start.arrive_and_wait();
    for (auto& status : statuses)
        EXPECT_EQ(status.get(), 200);
    const auto took = Since(started);
    EXPECT_GE(took.count(), kLatencyMs);
    EXPECT_LT(took.count(), 2 * kLatencyMs) << "the delayed calls ran in turns, not side by side";
}

TEST_F(EmulatorTest, StopDoesNotWaitForIdleKeptAliveConnections) {
    auto client = NewClient();
    client->set_keep_alive(true);
    auto answer = client->Get("/endpoints");
    ASSERT_TRUE(answer);
    ASSERT_EQ(answer->status, 200);
    // The answer reaches the client a moment before its worker goes back to wait for the next
    // request, and a worker that saw the server stopped before it waits would end by itself.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));

    const auto started = Clock::now();
    server_->Stop();  // the client still holds its idle connection
    EXPECT_LT(Since(started).count(), 2000);
    EXPECT_FALSE(client->Get("/endpoints")) << "the connection was closed and nothing listens";
}

TEST_F(EmulatorTest, StopLetsACallInFlightAnswer) {
    Fault({{"path", "/endpoints"}, {"latencyMs", 600}});
    auto client = NewClient();
    client->set_keep_alive(true);
    auto in_flight = std::async(std::launch::async, [&client] {
        auto answer = client->Get("/endpoints");
        return answer ? answer->status : -1;
    });
    ASSERT_TRUE(WaitUntil([this] { return State()["callCounts"].contains("GET /endpoints"); }));
    server_->Stop();
    EXPECT_EQ(in_flight.get(), 200);
}

}  // namespace
}  // namespace emulator::test
