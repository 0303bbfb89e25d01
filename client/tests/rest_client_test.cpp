#include "client/rest_client.hpp"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "client/tests/fake_server.hpp"

namespace ycloud {
namespace {

using namespace std::chrono_literals;

constexpr const char* kToken = "t1.9euelZqTest-Token-Value.Q2xpZW50VGVzdA";

class FixedToken final : public TokenSource {
public:
    Result<SecretString> IamToken(const Context& /*context*/) override { return SecretString(kToken); }
};

struct Seen {
    std::mutex mutex;
    std::vector<httplib::Request> requests;

    void Record(const httplib::Request& request) {
        std::lock_guard lock(mutex);
        requests.push_back(request);
    }
    std::size_t Count() {
        std::lock_guard lock(mutex);
        return requests.size();
    }
};

class RestClientTest : public ::testing::Test {
protected:
    RestClientTest() : transport_(http::TransportOptions{"terraform-provider-yandex/test", true, 2s, 10s, {}}) {}

    RestClient Client(int max_retries = 3) {
        return RestClient(transport_, RetryPolicy{max_retries, 10ms, 50ms}, &tokens_);
    }

    Context ShortContext(std::chrono::milliseconds budget = 10s) {
        Context context;
        context.deadline = std::chrono::steady_clock::now() + budget;
        return context;
    }

    testing::FakeServer server_;
    Seen seen_;
    FixedToken tokens_;
    http::CurlTransport transport_;
};

TEST_F(RestClientTest, RetriesUnavailableWithOneIdempotencyKey) {
    std::atomic<int> calls{0};
    server_.Routes().Post("/iam/v1/apiKeys", [&](const httplib::Request& request, httplib::Response& response) {
        seen_.Record(request);
        if (calls++ < 2) {
            response.status = 503;
            response.set_content(R"({"code":14,"message":"try later"})", "application/json");
            return;
        }
        response.set_content(R"({"apiKey":{"id":"aje1"}})", "application/json");
    });
    server_.Start();
    auto result = Client().Call(
        RestCall::Post(server_.Url("/iam/v1/apiKeys"), nlohmann::json{{"serviceAccountId", "sa"}}).Mutating(),
        ShortContext());
    ASSERT_TRUE(result) << result.GetError().ToString();
    EXPECT_EQ(result.Value()["apiKey"]["id"], "aje1");
    ASSERT_EQ(seen_.Count(), 3U);
    const auto key = seen_.requests[0].get_header_value("Idempotency-Key");
    EXPECT_EQ(key.size(), 36U);
    for (const auto& request : seen_.requests) {
        EXPECT_EQ(request.get_header_value("Idempotency-Key"), key) << "the same key on every retry";
        EXPECT_EQ(request.get_header_value("Authorization"), std::string("Bearer ") + kToken);
        EXPECT_EQ(request.get_header_value("User-Agent"), "terraform-provider-yandex/test");
    }
    EXPECT_NE(seen_.requests[0].get_header_value("x-client-request-id"),
              seen_.requests[1].get_header_value("x-client-request-id"));
}

TEST_F(RestClientTest, BadRequestIsReportedOnceWithItsDetails) {
    server_.Routes().Post("/iam/v1/apiKeys", [&](const httplib::Request& request, httplib::Response& response) {
        seen_.Record(request);
        response.status = 400;
        response.set_content(
            R"({"code":3,"message":"Illegal argument description","details":[{"@type":"type.googleapis.com/google.rpc.RequestInfo","requestId":"req-42"}]})",
            "application/json");
    });
    server_.Start();
    auto result = Client().Call(RestCall::Post(server_.Url("/iam/v1/apiKeys"), nlohmann::json::object()).Mutating(),
                                ShortContext());
    ASSERT_FALSE(result);
    EXPECT_EQ(seen_.Count(), 1U) << "a 400 must not be retried";
    const auto& error = result.GetError();
    EXPECT_EQ(error.http_status, 400);
    EXPECT_EQ(error.code, GrpcCode::kInvalidArgument);
    EXPECT_EQ(error.message, "Illegal argument description");
    EXPECT_EQ(error.request_id, "req-42");
    EXPECT_FALSE(error.retryable);
}

TEST_F(RestClientTest, EachMutatingCallHasItsOwnKeyAndReadsHaveNone) {
    server_.Routes().Post("/x", [&](const httplib::Request& request, httplib::Response& response) {
        seen_.Record(request);
        response.set_content("{}", "application/json");
    });
    server_.Routes().Get("/x", [&](const httplib::Request& request, httplib::Response& response) {
        seen_.Record(request);
        response.set_content("{}", "application/json");
    });
    server_.Start();
    auto client = Client();
    ASSERT_TRUE(client.Call(RestCall::Post(server_.Url("/x"), nlohmann::json::object()).Mutating(), ShortContext()));
    ASSERT_TRUE(client.Call(RestCall::Post(server_.Url("/x"), nlohmann::json::object()).Mutating(), ShortContext()));
    ASSERT_TRUE(client.Call(RestCall::Get(server_.Url("/x")), ShortContext()));
    ASSERT_EQ(seen_.Count(), 3U);
    EXPECT_NE(seen_.requests[0].get_header_value("Idempotency-Key"),
              seen_.requests[1].get_header_value("Idempotency-Key"));
    EXPECT_FALSE(seen_.requests[2].has_header("Idempotency-Key"));
}

TEST_F(RestClientTest, ReusesTheConnection) {
    std::vector<int> client_ports;
    server_.Routes().Get("/x", [&](const httplib::Request& request, httplib::Response& response) {
        client_ports.push_back(request.remote_port);
        response.set_content("{}", "application/json");
    });
    server_.Start();
    auto client = Client();
    for (int i = 0; i < 3; ++i)
        ASSERT_TRUE(client.Call(RestCall::Get(server_.Url("/x")), ShortContext()));
    ASSERT_EQ(client_ports.size(), 3U);
    EXPECT_EQ(client_ports[0], client_ports[1]);
    EXPECT_EQ(client_ports[1], client_ports[2]);
}

TEST_F(RestClientTest, HonoursRetryAfter) {
    std::atomic<int> calls{0};
    server_.Routes().Get("/slow", [&](const httplib::Request& /*request*/, httplib::Response& response) {
        if (calls++ == 0) {
            response.status = 429;
            response.set_header("Retry-After", "1");
            return;
        }
        response.set_content("{}", "application/json");
    });
    server_.Start();
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(Client().Call(RestCall::Get(server_.Url("/slow")), ShortContext()));
    EXPECT_GE(std::chrono::steady_clock::now() - started, 1s);
    EXPECT_EQ(calls.load(), 2);
}

TEST_F(RestClientTest, GivesUpAfterMaxRetries) {
    std::atomic<int> calls{0};
    server_.Routes().Get("/down", [&](const httplib::Request& /*request*/, httplib::Response& response) {
        ++calls;
        response.status = 500;
    });
    server_.Start();
    auto result = Client(2).Call(RestCall::Get(server_.Url("/down")), ShortContext());
    ASSERT_FALSE(result);
    EXPECT_EQ(calls.load(), 3) << "one try and two retries";
    EXPECT_EQ(result.GetError().code, GrpcCode::kInternal);
}

TEST_F(RestClientTest, NetworkErrorsAreRetriedThenReported) {
    server_.Start();
    const auto closed_port_url = "http://127.0.0.1:1/nothing";
    auto result = Client(1).Call(RestCall::Get(closed_port_url), ShortContext());
    ASSERT_FALSE(result);
    EXPECT_EQ(result.GetError().http_status, 0);
    EXPECT_EQ(result.GetError().code, GrpcCode::kUnavailable);
    EXPECT_NE(result.GetError().message.find("127.0.0.1:1/nothing"), std::string::npos);
}

TEST_F(RestClientTest, StopTokenCancelsPromptly) {
    server_.Routes().Get("/hang", [&](const httplib::Request& /*request*/, httplib::Response& response) {
        std::this_thread::sleep_for(1500ms);
        response.set_content("{}", "application/json");
    });
    server_.Start();
    std::stop_source stop;
    auto context = ShortContext();
    context.stop = stop.get_token();
    std::thread canceller([&] {
        std::this_thread::sleep_for(200ms);
        stop.request_stop();
    });
    const auto started = std::chrono::steady_clock::now();
    auto result = Client().Call(RestCall::Get(server_.Url("/hang")), context);
    canceller.join();
    ASSERT_FALSE(result);
    EXPECT_EQ(result.GetError().code, GrpcCode::kCancelled);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

TEST_F(RestClientTest, DeadlineBoundsTheCall) {
    server_.Routes().Get("/hang", [&](const httplib::Request& /*request*/, httplib::Response& response) {
        std::this_thread::sleep_for(1500ms);
        response.set_content("{}", "application/json");
    });
    server_.Start();
    const auto started = std::chrono::steady_clock::now();
    auto result = Client().Call(RestCall::Get(server_.Url("/hang")), ShortContext(300ms));
    ASSERT_FALSE(result);
    EXPECT_EQ(result.GetError().code, GrpcCode::kDeadlineExceeded);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

TEST_F(RestClientTest, LogsNeverContainTheToken) {
    std::ostringstream captured;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
    auto previous = spdlog::default_logger();
    auto logger = std::make_shared<spdlog::logger>("capture", sink);
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
    std::atomic<int> calls{0};
    server_.Routes().Post("/k", [&](const httplib::Request& /*request*/, httplib::Response& response) {
        if (calls++ == 0) {
            response.status = 503;
            return;
        }
        response.set_content(R"({"secret":"AQVN-very-secret"})", "application/json");
    });
    server_.Start();
    ASSERT_TRUE(Client().Call(RestCall::Post(server_.Url("/k"), nlohmann::json{{"x", 1}}).Mutating(), ShortContext()));
    spdlog::set_default_logger(previous);
    const auto log = captured.str();
    EXPECT_NE(log.find("POST /k"), std::string::npos) << "the calls are logged";
    EXPECT_EQ(log.find(kToken), std::string::npos);
    EXPECT_EQ(log.find("AQVN-very-secret"), std::string::npos);
}

}  // namespace
}  // namespace ycloud
