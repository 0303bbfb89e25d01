#include "test_support/trace_capture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <mutex>

namespace test_support {

namespace {

// Shorter pieces than this could occur in a log by chance (a PEM's last line is often short).
constexpr std::size_t kShortestRecorded = 16;

void AppendHex(std::ofstream& out, std::string_view secret) {
    static constexpr char kHex[] = "0123456789abcdef";
    for (const unsigned char c : secret)
        out << kHex[c >> 4] << kHex[c & 0x0f];
    out << '\n';
}

}  // namespace

std::optional<std::filesystem::path> TraceDirectory() {
    const char* value = std::getenv("ACCEPTANCE_TRACE_DIR");
    if (value == nullptr || *value == '\0')
        return std::nullopt;
    std::filesystem::path directory(value);
    std::filesystem::create_directories(directory);
    return directory;
}

std::filesystem::path NewTraceFile(const std::string& kind, const std::string& extension) {
    static std::atomic<int> counter{0};
    const auto directory = TraceDirectory().value_or(std::filesystem::temp_directory_path());
    return directory / (kind + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + extension);
}

void RecordSecret(std::string_view secret) {
    const auto directory = TraceDirectory();
    if (!directory)
        return;
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    std::ofstream out(*directory / ("secrets-test-" + std::to_string(::getpid()) + ".hex"), std::ios::app);
    const bool pem = secret.find("-----BEGIN") != std::string_view::npos;
    if (!pem) {
        if (secret.size() >= kShortestRecorded)
            AppendHex(out, secret);
        return;
    }
    std::size_t start = 0;
    while (start < secret.size()) {
        auto end = secret.find('\n', start);
        if (end == std::string_view::npos)
            end = secret.size();
        const auto line = secret.substr(start, end - start);
        if (line.size() >= kShortestRecorded && line.find("-----") == std::string_view::npos)
            AppendHex(out, line);
        start = end + 1;
    }
}

}  // namespace test_support
