#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>

namespace acceptance::release {

/// The release files scripts/package wrote, named by RELEASE_DIST (its dist folder). The release
/// tests run only where a release was built (scripts/release-check); elsewhere they skip.
struct ReleaseDist {
    std::filesystem::path folder;
    std::string version;
    std::filesystem::path zip;        ///< terraform-provider-yandex_<version>_linux_amd64.zip
    std::filesystem::path checksums;  ///< terraform-provider-yandex_<version>_SHA256SUMS
    std::filesystem::path manifest;   ///< terraform-provider-yandex_<version>_manifest.json
    [[nodiscard]] std::string BinaryName() const { return "terraform-provider-yandex_v" + version; }
};

/// The release named by RELEASE_DIST, or nothing when it is unset or holds no release zip.
std::optional<ReleaseDist> FindReleaseDist();

/// The message a test skips with when there is no release to test.
std::string NoReleaseMessage();

/// A test of the release RELEASE_DIST names: SetUp finds it into `dist_`, or skips saying why.
class ReleaseTest : public testing::Test {
protected:
    void SetUp() override;
    ReleaseDist dist_;
};

/// Unpacks the release zip into `folder`.
void UnpackZip(const std::filesystem::path& zip, const std::filesystem::path& folder);

}  // namespace acceptance::release
