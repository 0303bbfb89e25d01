#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

// The secret scan: with ACCEPTANCE_TRACE_DIR set, every terraform run logs at TRACE (the
// provider's log included) into that directory, every emulator leaves its log there, and every
// secret a test or the emulator makes is recorded beside them, so that `secret-scan` can prove
// that none of them appears in any log or test output.
namespace test_support {

/// ACCEPTANCE_TRACE_DIR, created if needed; nullopt when the scan is off.
std::optional<std::filesystem::path> TraceDirectory();

/// A file name in the trace directory that no other process or call uses: `<kind>-<pid>-<n>.log`.
std::filesystem::path NewTraceFile(const std::string& kind, const std::string& extension = ".log");

/// Records a secret this process made (a private key, a token) for the scan. Each line of a PEM
/// block is recorded on its own, so a single leaked line is found too. Does nothing when the scan
/// is off.
void RecordSecret(std::string_view secret);

}  // namespace test_support
