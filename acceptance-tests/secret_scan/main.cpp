// secret-scan: proves that no secret the tests or the emulator made appears in any log or test
// output. Usage: secret-scan TRACE_DIR [FILE...]. The secrets are the `*.hex` records in
// TRACE_DIR (see acceptance-tests/support/trace_capture.hpp); every other file there, and each
// FILE, is searched. Exit 0 when nothing is found, 1 on a hit or when there was nothing to look
// for (a scan that knows no secret proves nothing), 2 on a usage error. A hit names the file,
// the line and where the secret came from, never the secret.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

namespace fs = std::filesystem;

// Every recorded secret is at least this long; its first bytes are the index key.
constexpr std::size_t kKeyLength = 16;

struct Secret {
    std::string value;
    std::string origin;  ///< the record file: tells a test's key from the emulator's token
};

std::string ReadFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int HexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

std::vector<Secret> LoadSecrets(const fs::path& directory) {
    std::vector<Secret> secrets;
    for (const auto& entry : fs::recursive_directory_iterator(directory)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".hex")
            continue;
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            std::string value;
            for (std::size_t i = 0; i + 1 < line.size(); i += 2) {
                const int high = HexDigit(line[i]);
                const int low = HexDigit(line[i + 1]);
                if (high < 0 || low < 0)
                    break;
                value += static_cast<char>(high * 16 + low);
            }
            if (value.size() >= kKeyLength)
                secrets.push_back({std::move(value), entry.path().filename().string()});
        }
    }
    return secrets;
}

struct Totals {
    std::size_t files = 0;
    std::size_t bytes = 0;
    std::size_t hits = 0;
};

void Scan(const fs::path& path, const std::unordered_multimap<std::string_view, const Secret*>& index, Totals& totals) {
    const auto text = ReadFile(path);
    ++totals.files;
    totals.bytes += text.size();
    std::size_t line = 1;
    for (std::size_t i = 0; i + kKeyLength <= text.size(); ++i) {
        if (text[i] == '\n')
            ++line;
        const auto [first, last] = index.equal_range(std::string_view(text).substr(i, kKeyLength));
        for (auto it = first; it != last; ++it) {
            const auto& secret = it->second->value;
            if (std::string_view(text).substr(i, secret.size()) != secret)
                continue;
            ++totals.hits;
            std::cout << "secret-scan: HIT in " << path.string() << " line " << line << ": a secret from "
                      << it->second->origin << " (" << secret.size() << " bytes)\n";
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: secret-scan TRACE_DIR [FILE...]\n";
        return 2;
    }
    const fs::path directory = argv[1];
    if (!fs::is_directory(directory)) {
        std::cerr << "secret-scan: " << directory.string() << " is not a directory\n";
        return 2;
    }
    const auto secrets = LoadSecrets(directory);
    std::unordered_multimap<std::string_view, const Secret*> index;
    for (const auto& secret : secrets)
        index.emplace(std::string_view(secret.value).substr(0, kKeyLength), &secret);

    Totals totals;
    for (const auto& entry : fs::recursive_directory_iterator(directory)) {
        if (entry.is_regular_file() && entry.path().extension() != ".hex")
            Scan(entry.path(), index, totals);
    }
    for (int i = 2; i < argc; ++i) {
        if (fs::is_regular_file(argv[i]))
            Scan(argv[i], index, totals);
    }
    std::printf("secret-scan: %zu secrets, %zu files, %.1f MiB: %zu hits\n",
                secrets.size(),
                totals.files,
                static_cast<double>(totals.bytes) / (1024.0 * 1024.0),
                totals.hits);
    if (secrets.empty()) {
        std::cerr << "secret-scan: no secret was recorded, so the scan proves nothing (was ACCEPTANCE_TRACE_DIR set "
                     "for the tests?)\n";
        return 1;
    }
    return totals.hits == 0 ? 0 : 1;
}
