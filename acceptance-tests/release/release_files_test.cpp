// The release files as scripts/package writes them: the zip's contents, the checksums and the
// registry manifest, a binary that needs no shared library, and a signature gpg verifies.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "acceptance-tests/release/release_dist.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"

namespace acceptance::release {

using test_support::ProcessOptions;
using test_support::ReadFile;
using test_support::RunProcess;
using test_support::TempDir;

namespace {

class ReleaseFiles : public ReleaseTest {
protected:
    std::set<std::string> ZipEntries() const {
        const auto listed = RunProcess({"unzip", "-Z1", dist_.zip.string()});
        EXPECT_EQ(listed.exit_code, 0) << listed.err;
        std::set<std::string> entries;
        std::istringstream lines(listed.out);
        for (std::string line; std::getline(lines, line);)
            entries.insert(line);
        return entries;
    }
};

TEST_F(ReleaseFiles, ZipHoldsTheBinaryAndTheLicenseOfEveryPackageLinkedIn) {
    const auto entries = ZipEntries();
    EXPECT_TRUE(entries.count(dist_.BinaryName())) << dist_.BinaryName() << " missing from the zip";
    ASSERT_TRUE(entries.count("licenses/PACKAGES"));
    TempDir unpacked("release-zip");
    UnpackZip(dist_.zip, unpacked.Path());
    // Each package PACKAGES names has its license text, and nothing else is in licenses/.
    std::set<std::string> expected{"licenses/PACKAGES"};
    std::istringstream packages(ReadFile(unpacked.Path() / "licenses" / "PACKAGES"));
    for (std::string line; std::getline(packages, line);) {
        const auto package = line.substr(0, line.find(' '));
        expected.insert("licenses/" + package + ".copyright");
        EXPECT_GT(std::filesystem::file_size(unpacked.Path() / "licenses" / (package + ".copyright")), 100U) << package;
    }
    // What the provider is built on is always among them.
    for (const auto* package : {"rnp", "curl", "json-c", "libgrpc++-dev", "libssl-dev", "libc6-dev"})
        EXPECT_TRUE(expected.count(std::string("licenses/") + package + ".copyright")) << package;
    std::set<std::string> licenses;
    for (const auto& entry : entries) {
        if (entry.rfind("licenses/", 0) == 0)
            licenses.insert(entry);
    }
    EXPECT_EQ(licenses, expected);
    EXPECT_EQ(entries.size(), licenses.size() + 1) << "the zip holds something besides the binary and licenses";
}

TEST_F(ReleaseFiles, ChecksumsVerifyAndTheManifestDeclaresProtocolSix) {
    ProcessOptions in_dist;
    in_dist.working_directory = dist_.folder.string();
    const auto checked = RunProcess({"sha256sum", "--check", "--strict", dist_.checksums.filename().string()}, in_dist);
    EXPECT_EQ(checked.exit_code, 0) << checked.out << checked.err;
    EXPECT_NE(checked.out.find(dist_.zip.filename().string() + ": OK"), std::string::npos) << checked.out;
    const auto manifest = nlohmann::json::parse(ReadFile(dist_.manifest));
    EXPECT_EQ(manifest["metadata"]["protocol_versions"], nlohmann::json({"6.0"}));
}

// The documented floor is no shared library at all: the binary runs on any Linux kernel.
TEST_F(ReleaseFiles, BinaryNeedsNoSharedLibrary) {
    TempDir unpacked("release-zip");
    UnpackZip(dist_.zip, unpacked.Path());
    const auto binary = unpacked.Path() / dist_.BinaryName();
    const auto dynamic = RunProcess({"readelf", "--dynamic", binary.string()});
    EXPECT_EQ(dynamic.out.find("NEEDED"), std::string::npos) << dynamic.out;
    EXPECT_NE(dynamic.out.find("There is no dynamic section"), std::string::npos) << dynamic.out;
    const auto headers = RunProcess({"readelf", "--program-headers", binary.string()});
    EXPECT_EQ(headers.out.find("INTERP"), std::string::npos) << "the binary names a dynamic loader:\n" << headers.out;
    const auto version = RunProcess({binary.string(), "--version"});
    EXPECT_EQ(version.exit_code, 0) << version.err;
    EXPECT_EQ(version.out, "terraform-provider-yandex " + dist_.version + "\n");
}

// scripts/sign-release signs SHA256SUMS as the Terraform Registry expects: a detached binary
// signature that gpg verifies with only the public key, and that fails once SHA256SUMS changes.
TEST_F(ReleaseFiles, SignatureOfTheChecksumsVerifiesWithGpg) {
    TempDir signer("gpg-signer");
    TempDir verifier("gpg-verifier");
    TempDir copy("release-copy");
    std::filesystem::permissions(signer.Path(), std::filesystem::perms::owner_all);
    std::filesystem::permissions(verifier.Path(), std::filesystem::perms::owner_all);
    for (const auto& file : {dist_.zip, dist_.checksums, dist_.manifest})
        std::filesystem::copy_file(file, copy.Path() / file.filename());
    ProcessOptions as_signer;
    as_signer.environment = {{"GNUPGHOME", signer.Path().string()}};
    const auto generated = RunProcess({"gpg",
                                       "--batch",
                                       "--passphrase",
                                       "",
                                       "--quick-generate-key",
                                       "Release Signing <release@example.test>",
                                       "ed25519",
                                       "sign",
                                       "1d"},
                                      as_signer);
    ASSERT_EQ(generated.exit_code, 0) << generated.err;

    const auto signed_release = RunProcess(
        {(SourceDirectory() / "scripts" / "sign-release").string(), copy.Path().string(), "release@example.test"},
        as_signer);
    ASSERT_EQ(signed_release.exit_code, 0) << signed_release.out << signed_release.err;
    const auto signature = copy.Path() / (dist_.checksums.filename().string() + ".sig");
    ASSERT_TRUE(std::filesystem::exists(signature));
    // Binary, not ASCII-armored: what the Registry takes.
    EXPECT_NE(ReadFile(signature).rfind("-----BEGIN", 0), 0U);

    const auto exported = RunProcess({"gpg", "--batch", "--export", "--armor", "release@example.test"}, as_signer);
    ASSERT_EQ(exported.exit_code, 0);
    ProcessOptions as_verifier;
    as_verifier.environment = {{"GNUPGHOME", verifier.Path().string()}};
    ProcessOptions importing = as_verifier;
    importing.input = exported.out;
    const auto imported = RunProcess({"gpg", "--batch", "--import"}, importing);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    const auto sums = copy.Path() / dist_.checksums.filename();
    const auto verified = RunProcess({"gpg", "--batch", "--verify", signature.string(), sums.string()}, as_verifier);
    EXPECT_EQ(verified.exit_code, 0) << verified.err;
    EXPECT_NE(verified.err.find("Good signature"), std::string::npos) << verified.err;

    std::ofstream(sums, std::ios::app) << "0000  tampered.zip\n";
    const auto tampered = RunProcess({"gpg", "--batch", "--verify", signature.string(), sums.string()}, as_verifier);
    EXPECT_NE(tampered.exit_code, 0) << "a changed SHA256SUMS still verified";
}

}  // namespace
}  // namespace acceptance::release
