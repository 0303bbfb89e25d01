#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "acceptance-tests/emulator/emulator.hpp"

// An in-process emulator, seeded and started on a free port, and an HTTP client for it: the
// emulator as any client sees it.
namespace emulator::test {

inline constexpr const char* kAccount = "ajeserviceaccount001";
inline constexpr const char* kOAuth = "y0_emulator-test-oauth";
inline constexpr const char* kStaticToken = "t1.static.emulator-test";

nlohmann::json Seed();

/// Polls `condition` every few milliseconds; false when it does not hold within `timeout`.
bool WaitUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

class EmulatorTest : public testing::Test {
protected:
    explicit EmulatorTest(Options options = {});

    httplib::Headers Auth() const { return {{"Authorization", std::string("Bearer ") + kStaticToken}}; }
    httplib::Headers AuthWithIdempotencyKey(const std::string& key) const;

    /// POSTs JSON with the headers (Auth() when none) and expects the status; the answer parsed.
    nlohmann::json Post(const std::string& path,
                        const nlohmann::json& body,
                        int expected_status,
                        httplib::Headers headers = {});
    nlohmann::json Get(const std::string& path, int expected_status = 200);
    /// Creates a key for kAccount with the extra fields; the answer {apiKey, secret}.
    nlohmann::json CreateKey(const nlohmann::json& extra = nlohmann::json::object());
    /// GET /admin/state.
    nlohmann::json State();
    /// POST /admin/faults, expecting it accepted.
    void Fault(const nlohmann::json& fault);
    /// A client of its own, for calls made from another thread or with other timeouts.
    [[nodiscard]] std::unique_ptr<httplib::Client> NewClient() const;

    Options options_;
    std::unique_ptr<Emulator> server_;
    std::unique_ptr<httplib::Client> client_;
    int port_ = 0;
};

}  // namespace emulator::test
