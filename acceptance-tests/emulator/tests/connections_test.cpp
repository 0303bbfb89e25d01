// How the emulator treats connections: enough workers for every kept-alive connection a busy
// provider holds, any number of requests on one, a Stop() that does not wait for idle ones to
// time out, and /admin/state's connectionsAccepted, which connection-reuse tests read.
#include <chrono>
#include <future>
#include <latch>
#include <stdexcept>
#include <thread>
#include <vector>

#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"
#include "acceptance-tests/support/emulator_process.hpp"
#include "test_support/temp_dir.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::chrono::milliseconds Since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

std::unique_ptr<httplib::Client> KeptAlive(std::unique_ptr<httplib::Client> client) {
    client->set_keep_alive(true);
    return client;
}

// /admin/state's connectionsAccepted, asked over `admin`: a kept-alive client, which after its
// first call adds no connection of its own to the count.
int Accepted(httplib::Client& admin) {
    auto answer = admin.Get("/admin/state");
    if (!answer)
        throw std::runtime_error("the emulator does not answer");
    return json::parse(answer->body).at("connectionsAccepted").get<int>();
}

void GetEndpoints(httplib::Client& client, int times = 1) {
    for (int i = 0; i < times; ++i) {
        auto answer = client.Get("/endpoints");
        ASSERT_TRUE(answer) << "call " << i + 1;
        ASSERT_EQ(answer->status, 200);
    }
}

// httplib serves each open connection on a worker of its own, idle or not: with too few workers
// a connection past the last one waits until another is closed, and calls that should run side
// by side run in turns.
TEST_F(EmulatorTest, ServesManyKeptAliveConnectionsAtOnce) {
    constexpr int kConnections = 48;
    constexpr int kLatencyMs = 1000;
    auto admin = KeptAlive(NewClient());
    const int before = Accepted(*admin);
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
    const json fault = {{"path", "/*"}, {"latencyMs", kLatencyMs}, {"count", "all"}};
    auto added = admin->Post("/admin/faults", fault.dump(), "application/json");
    ASSERT_TRUE(added);
    ASSERT_EQ(added->status, 200);

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
    EXPECT_EQ(Accepted(*admin) - before, kConnections) << "each client called twice on one connection";
}

TEST_F(EmulatorTest, CountsTheConnectionTheStateIsAskedOn) {
    EXPECT_EQ(State()["connectionsAccepted"], 1);
    EXPECT_EQ(State()["connectionsAccepted"], 2) << "the fixture's client connects for every call";
}

// cpp-httplib's default closes a connection after its fifth request.
TEST_F(EmulatorTest, ManyRequestsGoOverOneKeptAliveConnection) {
    auto admin = KeptAlive(NewClient());
    const int before = Accepted(*admin);
    auto client = KeptAlive(NewClient());
    GetEndpoints(*client, 50);
    auto created =
        client->Post("/iam/v1/apiKeys", Auth(), json({{"serviceAccountId", kAccount}}).dump(), "application/json");
    ASSERT_TRUE(created);
    EXPECT_EQ(created->status, 200);
    EXPECT_EQ(Accepted(*admin) - before, 1);
}

TEST_F(EmulatorTest, EachClientOpensAConnectionOfItsOwn) {
    constexpr int kClients = 6;
    auto admin = KeptAlive(NewClient());
    const int before = Accepted(*admin);
    std::vector<std::unique_ptr<httplib::Client>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(KeptAlive(NewClient()));
        GetEndpoints(*clients.back(), 4);
    }
    for (auto& client : clients)
        GetEndpoints(*client, 3);
    EXPECT_EQ(Accepted(*admin) - before, kClients);

    auto once = NewClient();  // not kept alive: a connection per call
    GetEndpoints(*once, 3);
    EXPECT_EQ(Accepted(*admin) - before, kClients + 3);
}

// Over TLS too, where httplib::SSLServer serves its connections with the same workers.
TEST(EmulatorTls, CountsConnections) {
    const test_support::TempDir directory("tls");
    Options options;
    options.tls = true;
    options.tls_cert_out = (directory.Path() / "cert.pem").string();
    Emulator emulator(options);
    const int port = emulator.Start(0);
    ASSERT_GT(port, 0);
    std::vector<std::unique_ptr<httplib::SSLClient>> clients;
    for (int i = 0; i < 3; ++i) {
        auto client = std::make_unique<httplib::SSLClient>("127.0.0.1", port);
        client->set_ca_cert_path(options.tls_cert_out.c_str());
        client->set_keep_alive(true);
        for (int call = 0; call < 10; ++call) {
            auto answer = client->Get("/endpoints");
            ASSERT_TRUE(answer) << httplib::to_string(answer.error());
            ASSERT_EQ(answer->status, 200);
        }
        auto state = client->Get("/admin/state");
        ASSERT_TRUE(state);
        EXPECT_EQ(json::parse(state->body)["connectionsAccepted"], i + 1);
        clients.push_back(std::move(client));
    }
    clients.clear();
    emulator.Stop();
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

// EmulatorProcess::ConnectionsAccepted, through the built binary: its own call counts.
TEST(EmulatorProcessCounters, ReportConnectionsAccepted) {
    acceptance::EmulatorProcess emulator;
    EXPECT_EQ(emulator.ConnectionsAccepted(), 1) << "the call that asks";
    httplib::Client client("127.0.0.1", emulator.Port());
    client.set_keep_alive(true);
    GetEndpoints(client, 20);
    EXPECT_EQ(emulator.ConnectionsAccepted(), 3) << "the client's one connection, and this call's";
    httplib::Client other("127.0.0.1", emulator.Port());
    other.set_keep_alive(true);
    GetEndpoints(other, 2);
    GetEndpoints(client, 2);
    EXPECT_EQ(emulator.ConnectionsAccepted(), 5);
}

}  // namespace
}  // namespace emulator::test
