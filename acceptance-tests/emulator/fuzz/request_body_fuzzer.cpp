// libFuzzer target: request bodies sent to the emulator's routes, over HTTP on loopback as the
// provider and the tests send them. The first byte picks the route, the rest is the body. An
// answer of 500 means a handler threw on a body it should have refused with 400, as Yandex
// Cloud's gateway does: that is a finding too, since the provider would retry it as an outage.
#include <httplib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "acceptance-tests/emulator/emulator.hpp"

namespace {

constexpr const char* kIamToken = "t1.fuzz.static-iam-token";
constexpr const char* kSecret = "e6qfuzzsecret";

struct Route {
    const char* method;
    const char* path;
};

const Route kRoutes[] = {
    {"POST", "/iam/v1/tokens"},
    {"POST", "/iam/v1/apiKeys"},
    {"PATCH", "/iam/v1/apiKeys/ajefuzzkey"},
    {"POST", "/lockbox/v1/secrets/e6qfuzzsecret:addVersion"},
    {"POST", "/lockbox/v1/secrets/e6qfuzzsecret:scheduleVersionDestruction"},
    {"POST", "/admin/faults"},
    {"POST", "/admin/seed"},
    {"GET", "/iam/v1/apiKeys?serviceAccountId=ajefuzzaccount"},
};

std::string SeedFile() {
    const auto path = std::filesystem::temp_directory_path() / ("fuzz-seed-" + std::to_string(getpid()) + ".json");
    std::ofstream(path) << R"({"serviceAccounts": ["ajefuzzaccount"], "oauthTokens": ["y0_fuzz-oauth"],)"
                        << R"( "iamTokens": [")" << kIamToken << R"("], "lockboxSecrets": [{"id": ")" << kSecret
                        << R"(", "entries": {"kept": "value"}}]})";
    return path.string();
}

/// The emulator under test. Keys and versions pile up as inputs create them, so it is started
/// afresh every so many inputs to keep each input's cost the same.
class Harness {
public:
    Harness() : seed_(SeedFile()) { Restart(); }
    ~Harness() { std::filesystem::remove(seed_); }

    httplib::Client& Client() {
        if (++inputs_ % 2000 == 0)
            Restart();
        return *client_;
    }

private:
    void Restart() {
        client_.reset();
        emulator_.reset();
        emulator::Options options;
        options.seed_file = seed_;
        emulator_ = std::make_unique<emulator::Emulator>(options);
        const int port = emulator_->Start(0);
        if (port <= 0)
            std::abort();
        client_ = std::make_unique<httplib::Client>("127.0.0.1", port);
        client_->set_keep_alive(true);
        client_->set_tcp_nodelay(true);  // without it each request waits for a delayed ACK
        client_->set_read_timeout(10, 0);
        client_->set_default_headers({{"Authorization", std::string("Bearer ") + kIamToken}});
    }

    std::string seed_;
    std::size_t inputs_ = 0;
    std::unique_ptr<emulator::Emulator> emulator_;
    std::unique_ptr<httplib::Client> client_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static Harness harness;
    if (size == 0)
        return 0;
    const auto& route = kRoutes[data[0] % std::size(kRoutes)];
    const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
    auto& client = harness.Client();
    const std::string method = route.method;
    httplib::Result answer = method == "GET"     ? client.Get(route.path)
                             : method == "PATCH" ? client.Patch(route.path, body, "application/json")
                                                 : client.Post(route.path, body, "application/json");
    if (!answer)
        std::abort();  // no answer at all: the emulator hung or dropped the connection
    if (answer->status >= 500) {
        // Say where and why (httplib puts the exception's message in a header), never the body.
        std::fprintf(stderr,
                     "%s %s answered %d: %s\n",
                     route.method,
                     route.path,
                     answer->status,
                     answer->get_header_value("EXCEPTION_WHAT").c_str());
        std::abort();  // a handler threw instead of refusing the body
    }
    if (std::string(route.path) == "/admin/faults")
        client.Delete("/admin/faults");  // a fault left in place would act on the next inputs
    return 0;
}
