// The secret scan must find what it looks for, or its "0 hits" would prove nothing.
#include <gtest/gtest.h>

#include "acceptance-tests/support/terraform.hpp"
#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"

namespace acceptance {

using test_support::ProcessResult;
using test_support::RunProcess;
using test_support::TempDir;

namespace {

std::string Hex(const std::string& text) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (const unsigned char c : text) {
        hex += kDigits[c >> 4];
        hex += kDigits[c & 0x0f];
    }
    return hex + "\n";
}

ProcessResult Scan(const TempDir& directory, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv{(ProviderBinaryDirectory() / "secret-scan").string(), directory.Path().string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return RunProcess(argv);
}

const std::string kSecret = "AQVNplantedSecretValue0123456789abc";

TEST(SecretScan, FindsASecretInALogAndNamesWhereButNotTheSecret) {
    TempDir directory("scan");
    directory.Write("secrets-emulator-1-1.hex", Hex(kSecret));
    directory.Write("terraform-1-1.log", "clean line\n2026-11-29T10:00:00 [TRACE] header: " + kSecret + "\n");
    const auto scanned = Scan(directory);
    EXPECT_EQ(scanned.exit_code, 1);
    EXPECT_NE(scanned.out.find("HIT in " + (directory.Path() / "terraform-1-1.log").string() + " line 2"),
              std::string::npos)
        << scanned.out;
    EXPECT_NE(scanned.out.find("1 hits"), std::string::npos) << scanned.out;
    EXPECT_EQ(scanned.out.find(kSecret), std::string::npos) << "the scan never prints the secret";
}

TEST(SecretScan, FindsASecretInAnOutputFileGivenBesideTheDirectory) {
    TempDir directory("scan");
    TempDir elsewhere("out");
    directory.Write("secrets-test-1.hex", Hex(kSecret));
    const auto output = elsewhere.Write("LastTest.log", "test output " + kSecret);
    EXPECT_EQ(Scan(directory, {output.string()}).exit_code, 1);
}

TEST(SecretScan, CleanLogsPassAndNoRecordedSecretFails) {
    TempDir directory("scan");
    directory.Write("terraform-1-1.log", "nothing to see: AQVN****\n");
    const auto nothing_recorded = Scan(directory);
    EXPECT_EQ(nothing_recorded.exit_code, 1) << "a scan that knows no secret proves nothing";
    directory.Write("secrets-test-1.hex", Hex(kSecret));
    const auto clean = Scan(directory);
    EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
    EXPECT_NE(clean.out.find("1 secrets, 1 files"), std::string::npos) << clean.out;
}

}  // namespace
}  // namespace acceptance
