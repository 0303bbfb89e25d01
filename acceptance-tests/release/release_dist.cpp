#include "acceptance-tests/release/release_dist.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "test_support/process.hpp"

namespace acceptance::release {

using test_support::ProcessOptions;

using test_support::RunProcess;

std::optional<ReleaseDist> FindReleaseDist() {
    const char* configured = std::getenv("RELEASE_DIST");
    if (configured == nullptr || *configured == '\0')
        return std::nullopt;
    const std::filesystem::path folder = std::filesystem::absolute(configured);
    std::error_code error;
    if (!std::filesystem::is_directory(folder, error))
        return std::nullopt;
    static const std::regex zip_name(R"(terraform-provider-yandex_([0-9][^_]*)_linux_amd64\.zip)");
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        std::smatch match;
        const auto name = entry.path().filename().string();
        if (std::regex_match(name, match, zip_name)) {
            ReleaseDist dist;
            dist.folder = folder;
            dist.version = match[1];
            dist.zip = entry.path();
            dist.checksums = folder / ("terraform-provider-yandex_" + dist.version + "_SHA256SUMS");
            dist.manifest = folder / ("terraform-provider-yandex_" + dist.version + "_manifest.json");
            return dist;
        }
    }
    return std::nullopt;
}

std::string NoReleaseMessage() {
    return "no release to test: RELEASE_DIST names no folder with a release zip (scripts/release-check builds "
           "one and sets it)";
}

void ReleaseTest::SetUp() {
    auto found = FindReleaseDist();
    if (!found)
        GTEST_SKIP() << NoReleaseMessage();
    dist_ = *found;
}

void UnpackZip(const std::filesystem::path& zip, const std::filesystem::path& folder) {
    std::filesystem::create_directories(folder);
    ProcessOptions options;
    options.working_directory = folder.string();
    const auto unpacked = RunProcess({"unzip", "-q", zip.string()}, options);
    ASSERT_EQ(unpacked.exit_code, 0) << unpacked.err;
}

}  // namespace acceptance::release
