#include "acceptance-tests/emulator/tests/emulator_fixture.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

namespace emulator::test {

using nlohmann::json;

json Seed() {
    return {{"serviceAccounts", {kAccount}},
            {"oauthTokens", {kOAuth}},
            {"iamTokens", {kStaticToken}},
            {"lockboxSecrets", {{{"id", "e6qsecret"}, {"entries", {{"existing", "kept"}}}}}}};
}

bool WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

EmulatorTest::EmulatorTest(Options options) : options_(std::move(options)) {
    const auto seed_path =
        (std::filesystem::temp_directory_path() / ("seed-" + std::to_string(getpid()) + ".json")).string();
    std::ofstream(seed_path) << Seed().dump();
    options_.seed_file = seed_path;
    server_ = std::make_unique<Emulator>(options_);
    port_ = server_->Start(0);
    client_ = NewClient();
    std::filesystem::remove(seed_path);
}

httplib::Headers EmulatorTest::AuthWithIdempotencyKey(const std::string& key) const {
    auto headers = Auth();
    headers.emplace("Idempotency-Key", key);
    return headers;
}

json EmulatorTest::Post(const std::string& path, const json& body, int expected_status, httplib::Headers headers) {
    if (headers.empty())
        headers = Auth();
    auto result = client_->Post(path.c_str(), headers, body.dump(), "application/json");
    EXPECT_TRUE(result);
    if (!result)
        return nullptr;
    EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
    return json::parse(result->body, nullptr, false);
}

json EmulatorTest::Get(const std::string& path, int expected_status) {
    auto result = client_->Get(path.c_str(), Auth());
    EXPECT_TRUE(result);
    if (!result)
        return nullptr;
    EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
    return json::parse(result->body, nullptr, false);
}

json EmulatorTest::CreateKey(const json& extra) {
    json body = {{"serviceAccountId", kAccount}};
    body.update(extra);
    return Post("/iam/v1/apiKeys", body, 200);
}

json EmulatorTest::State() {
    auto result = client_->Get("/admin/state");
    EXPECT_TRUE(result);
    return result ? json::parse(result->body) : json(nullptr);
}

void EmulatorTest::Fault(const json& fault) {
    auto result = client_->Post("/admin/faults", fault.dump(), "application/json");
    ASSERT_TRUE(result);
    ASSERT_EQ(result->status, 200) << result->body;
}

std::unique_ptr<httplib::Client> EmulatorTest::NewClient() const {
    return std::make_unique<httplib::Client>("127.0.0.1", port_);
}

}  // namespace emulator::test
