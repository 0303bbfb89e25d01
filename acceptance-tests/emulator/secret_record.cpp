#include "acceptance-tests/emulator/secret_record.hpp"

#include <fstream>
#include <mutex>

namespace emulator {

void RecordIssuedSecret(const Options& options, std::string_view secret) {
    if (options.record_secrets_file.empty())
        return;
    static constexpr char kHex[] = "0123456789abcdef";
    std::string line;
    line.reserve(secret.size() * 2 + 1);
    for (const unsigned char c : secret) {
        line += kHex[c >> 4];
        line += kHex[c & 0x0f];
    }
    line += '\n';
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    std::ofstream(options.record_secrets_file, std::ios::app) << line;
}

}  // namespace emulator
