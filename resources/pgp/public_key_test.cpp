#include "resources/pgp/public_key.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "test_support/gpg.hpp"
#include "test_support/process.hpp"

namespace provider::pgp {
namespace {

class PublicKeyParse : public testing::Test {
protected:
    static void SetUpTestSuite() { keyring_ = new test_support::GpgKeyring(); }
    static void TearDownTestSuite() { delete keyring_; }
    static test_support::GpgKeyring* keyring_;
};

test_support::GpgKeyring* PublicKeyParse::keyring_ = nullptr;

std::string Base64(const std::string& text) {
    test_support::ProcessOptions options;
    options.input = text;
    return test_support::RunProcess({"base64"}, options).out;  // wrapped at 76 columns, as pasted keys often are
}

TEST_F(PublicKeyParse, EveryFormGivesGnuPgsFingerprint) {
    for (const auto& text :
         {keyring_->PublicKeyBase64(), keyring_->PublicKeyArmored(), Base64(keyring_->PublicKeyArmored())}) {
        auto parsed = PublicKey::Parse(text);
        ASSERT_TRUE(std::holds_alternative<PublicKey>(parsed)) << std::get<std::string>(parsed);
        EXPECT_EQ(std::get<PublicKey>(parsed).Fingerprint(), keyring_->Fingerprint());
    }
}

TEST_F(PublicKeyParse, ExplainsWhatIsWrong) {
    const auto message = [](const std::string& text) {
        auto parsed = PublicKey::Parse(text);
        return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : std::string("parsed");
    };
    EXPECT_NE(message("not base64!").find("neither base64"), std::string::npos);
    EXPECT_NE(message("aGVsbG8=").find("does not contain an OpenPGP public key"), std::string::npos);
    EXPECT_NE(message("-----BEGIN PGP PRIVATE KEY BLOCK-----\nxyz\n").find("private key"), std::string::npos);
}

TEST_F(PublicKeyParse, WhatWeEncryptGnuPgDecrypts) {
    auto parsed = PublicKey::Parse(keyring_->PublicKeyBase64());
    ASSERT_TRUE(std::holds_alternative<PublicKey>(parsed));
    std::string problem;
    const auto message = std::get<PublicKey>(parsed).Encrypt("AQVN-the-secret", problem);
    ASSERT_TRUE(message) << problem;
    EXPECT_EQ(message->find("AQVN-the-secret"), std::string::npos);
    test_support::ProcessOptions options;
    options.input = *message;
    const auto base64 = test_support::RunProcess({"base64", "-w0"}, options).out;
    EXPECT_EQ(keyring_->DecryptBase64(base64), "AQVN-the-secret");
}

// Each parse makes and drops a librnp context, which closes the descriptor it logs to. A
// descriptor opened between two parses (as a gRPC connection may be) must survive the second.
TEST_F(PublicKeyParse, LeavesOtherDescriptorsOpen) {
    for (int round = 0; round < 3; ++round) {
        ASSERT_TRUE(std::holds_alternative<PublicKey>(PublicKey::Parse(keyring_->PublicKeyBase64())));
        const int bystander = open("/dev/null", O_RDWR | O_CLOEXEC);  // like a socket
        ASSERT_GE(bystander, 0);
        ASSERT_TRUE(std::holds_alternative<PublicKey>(PublicKey::Parse(keyring_->PublicKeyBase64())));
        EXPECT_NE(fcntl(bystander, F_GETFD), -1) << "parsing a key closed descriptor " << bystander;
        close(bystander);
    }
}

TEST(KeybaseReference, IsRecognisedByItsPrefix) {
    EXPECT_TRUE(IsKeybaseReference("keybase:someone"));
    EXPECT_FALSE(IsKeybaseReference("mQINBF..."));
}

}  // namespace
}  // namespace provider::pgp
