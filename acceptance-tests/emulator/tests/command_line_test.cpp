// The built yc-emulator binary with bad arguments: one line on stderr starting "yc-emulator: ",
// exit code 2, never an abort or a stack trace; and the flags that start it.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "acceptance-tests/support/terraform.hpp"
#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"

namespace emulator::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

std::string Binary() {
    return (acceptance::ProviderBinaryDirectory() / "yc-emulator").string();
}

// Runs the emulator with `arguments`, expecting it to refuse them: exit code 2 and exactly one
// line on stderr, starting "yc-emulator: " and mentioning `mentioned`.
void ExpectRefused(const std::vector<std::string>& arguments, const std::string& mentioned) {
    std::vector<std::string> argv = {Binary()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    test_support::ProcessOptions options;
    options.timeout = 10s;  // a binary that starts serving instead would hang here
    const auto result = test_support::RunProcess(argv, options);
    const auto shown = testing::PrintToString(arguments);
    EXPECT_FALSE(result.timed_out) << shown << ": it started instead of refusing";
    EXPECT_EQ(result.exit_code, 2) << shown << "\n" << result.err;
    EXPECT_EQ(result.out, "") << shown;
    EXPECT_EQ(result.err.rfind("yc-emulator: ", 0), 0U) << shown << "\n" << result.err;
    EXPECT_EQ(result.err.find('\n'), result.err.size() - 1) << shown << ": one line, not\n" << result.err;
    EXPECT_NE(result.err.find(mentioned), std::string::npos) << shown << "\n" << result.err;
}

TEST(CommandLine, BadNumbersAreRefused) {
    ExpectRefused({"--port", "abc"}, "--port");
    ExpectRefused({"--port", "70000"}, "--port");
    ExpectRefused({"--port", "-1"}, "--port");
    ExpectRefused({"--port", "80x"}, "--port");
    ExpectRefused({"--port"}, "--port");
    ExpectRefused({"--operation-delay-ms", "x"}, "--operation-delay-ms");
    ExpectRefused({"--timestamp-precision", "minutes"}, "--timestamp-precision");
    ExpectRefused({"--colour"}, "--colour");
}

TEST(CommandLine, BadSeedFilesAreRefused) {
    test_support::TempDir directory("emulator-cli");
    ExpectRefused({"--seed", (directory.Path() / "missing.json").string()}, "missing.json");
    // The message says where the JSON breaks, never what the file says (it may hold tokens).
    const auto broken = directory.Write("broken.json", R"({"oauthTokens": ["y0_not-to-be-echoed")");
    ExpectRefused({"--seed", broken.string()}, "not valid JSON");
    const auto result = test_support::RunProcess({Binary(), "--seed", broken.string()});
    EXPECT_EQ(result.err.find("y0_not-to-be-echoed"), std::string::npos) << result.err;
    ExpectRefused({"--seed", directory.Write("list.json", "[]").string()}, "not a JSON object");
    ExpectRefused({"--seed", directory.Write("typed.json", R"({"serviceAccounts": [1]})").string()}, "serviceAccounts");
}

// A second emulator on a port in use is refused instead of sharing it (httplib's default
// SO_REUSEPORT would let it).
TEST(CommandLine, APortInUseIsRefused) {
    test_support::BackgroundProcess first({Binary(), "--port", "0"});
    const auto line = first.ReadLine(10s);
    ASSERT_TRUE(line && line->rfind("listening on http://127.0.0.1:", 0) == 0) << first.Stderr();
    const auto port = line->substr(line->rfind(':') + 1);
    ExpectRefused({"--port", port}, "127.0.0.1:" + port);
}

TEST(CommandLine, TimestampPrecisionSecondsTruncatesStoredExpiry) {
    test_support::TempDir directory("emulator-cli");
    const json seed = {{"serviceAccounts", {"ajeserviceaccount001"}}, {"iamTokens", {"t1.static.cli-test"}}};
    const auto seed_path = directory.Write("seed.json", seed.dump());
    test_support::BackgroundProcess emulator(
        {Binary(), "--port", "0", "--seed", seed_path.string(), "--timestamp-precision", "seconds"});
    const auto line = emulator.ReadLine(10s);
    ASSERT_TRUE(line && line->rfind("listening on ", 0) == 0) << emulator.Stderr();
    httplib::Client client(line->substr(std::string("listening on ").size()));
    const json body = {{"serviceAccountId", "ajeserviceaccount001"}, {"expiresAt", "2099-11-12T04:03:44.250Z"}};
    auto created = client.Post("/iam/v1/apiKeys",
                               httplib::Headers{{"Authorization", "Bearer t1.static.cli-test"}},
                               body.dump(),
                               "application/json");
    ASSERT_TRUE(created);
    ASSERT_EQ(created->status, 200) << created->body;
    EXPECT_EQ(json::parse(created->body)["apiKey"]["expiresAt"], "2099-11-12T04:03:44Z");
}

TEST(CommandLine, HelpPrintsTheUsage) {
    const auto result = test_support::RunProcess({Binary(), "--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("--timestamp-precision seconds|nanos"), std::string::npos) << result.out;
}

}  // namespace
}  // namespace emulator::test
