#include <absl/strings/escaping.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "client/auth/service_account_key.hpp"
#include "test_support/rsa_key.hpp"

namespace ycloud::auth {
namespace {

std::string FromBase64Url(const std::string& text) {
    std::string decoded;
    EXPECT_TRUE(absl::WebSafeBase64Unescape(text, &decoded)) << "not base64url";
    return decoded;
}

// Verifies PS256 with the given salt length, as Yandex Cloud's IAM does.
bool VerifyPs256(const std::string& public_pem, const std::string& input, const std::string& signature, int salt) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(public_pem.data(), static_cast<int>(public_pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr),
                                                            EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_PKEY_CTX* key_context = nullptr;
    EVP_DigestVerifyInit(context.get(), &key_context, EVP_sha256(), nullptr, key.get());
    EVP_PKEY_CTX_set_rsa_padding(key_context, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(key_context, salt);
    return EVP_DigestVerify(context.get(),
                            reinterpret_cast<const unsigned char*>(signature.data()),
                            signature.size(),
                            reinterpret_cast<const unsigned char*>(input.data()),
                            input.size()) == 1;
}

class ServiceAccountJwt : public testing::Test {
protected:
    static void SetUpTestSuite() { keys_ = new test_support::RsaKeyPair(test_support::GenerateRsaKeyPair()); }
    static void TearDownTestSuite() { delete keys_; }

    static std::string KeyJson() {
        return nlohmann::json{
            {"id", "ajekey0000000000000a"},
            {"service_account_id", "aje6o61dvog2h6g9a33s"},
            {"key_algorithm", "RSA_2048"},
            {"public_key", keys_->public_pem},
            {"private_key",
             "PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID ajekey0000000000000a\n" + keys_->private_pem}}
            .dump();
    }
    static test_support::RsaKeyPair* keys_;
};

test_support::RsaKeyPair* ServiceAccountJwt::keys_ = nullptr;

TEST_F(ServiceAccountJwt, IsSignedPs256WithSalt32AndTheRightClaims) {
    auto key = LoadServiceAccountKey(KeyJson());
    ASSERT_TRUE(key) << key.GetError().ToString();
    const auto now = std::chrono::system_clock::from_time_t(1'800'000'000);
    auto jwt = MakeServiceAccountJwt(key.Value(), now);
    ASSERT_TRUE(jwt) << jwt.GetError().ToString();
    const std::string token(jwt.Value().Reveal());
    const auto first_dot = token.find('.');
    const auto second_dot = token.rfind('.');
    const auto header = nlohmann::json::parse(FromBase64Url(token.substr(0, first_dot)));
    const auto claims = nlohmann::json::parse(FromBase64Url(token.substr(first_dot + 1, second_dot - first_dot - 1)));
    EXPECT_EQ(header, (nlohmann::json{{"typ", "JWT"}, {"alg", "PS256"}, {"kid", "ajekey0000000000000a"}}));
    EXPECT_EQ(claims["iss"], "aje6o61dvog2h6g9a33s");
    EXPECT_EQ(claims["aud"], "https://iam.api.cloud.yandex.net/iam/v1/tokens");
    EXPECT_EQ(claims["iat"], 1'800'000'000);
    EXPECT_EQ(claims["exp"], 1'800'003'600);
    const auto signature = FromBase64Url(token.substr(second_dot + 1));
    EXPECT_TRUE(VerifyPs256(keys_->public_pem, token.substr(0, second_dot), signature, 32));
    EXPECT_FALSE(VerifyPs256(keys_->public_pem, token.substr(0, second_dot) + "x", signature, 32));
}

TEST_F(ServiceAccountJwt, ReadsTheKeyFromAFile) {
    const auto path = testing::TempDir() + "/key.json";
    { std::ofstream(path) << KeyJson(); }
    auto key = LoadServiceAccountKey(path);
    ASSERT_TRUE(key) << key.GetError().ToString();
    EXPECT_EQ(key.Value().key_id, "ajekey0000000000000a");
}

// YC_SERVICE_ACCOUNT_KEY_FILE=/dev/zero once read until the kernel killed the provider.
TEST(ServiceAccountKeyErrors, AnEndlessOrHugeFileIsRefusedAfterTheSizeLimit) {
    auto endless = LoadServiceAccountKey("/dev/zero");
    ASSERT_FALSE(endless);
    EXPECT_NE(endless.GetError().message.find("larger than 64 KiB"), std::string::npos) << endless.GetError().message;
    const auto path = testing::TempDir() + "/huge-key.json";
    {
        std::ofstream(path) << R"({"id":"k","service_account_id":"a","private_key":")" << std::string(70 * 1024, 'x')
                            << "\"}";
    }
    EXPECT_FALSE(LoadServiceAccountKey(path));
}

TEST(ServiceAccountKeyErrors, EachMissingFieldIsNamedAndTheKeyNeverQuoted) {
    const auto message = [](const std::string& text) {
        auto key = LoadServiceAccountKey(text);
        return key ? std::string("loaded") : key.GetError().message;
    };
    EXPECT_NE(message(R"({"service_account_id":"a","private_key":"k"})").find("key id is missing"), std::string::npos);
    EXPECT_NE(message(R"({"id":"k","private_key":"k"})").find("service_account_id"), std::string::npos);
    EXPECT_NE(message(R"({"id":"k","user_account_id":"u","private_key":"k"})").find("service account"),
              std::string::npos);
    EXPECT_NE(message(R"({"id":"k","service_account_id":"a"})").find("private_key"), std::string::npos);
    EXPECT_NE(message("/no/such/file.json").find("neither JSON nor a readable file"), std::string::npos);
    auto bad_pem = LoadServiceAccountKey(R"({"id":"k","service_account_id":"a","private_key":"SECRET-MATERIAL"})");
    ASSERT_TRUE(bad_pem);
    auto jwt = MakeServiceAccountJwt(bad_pem.Value(), std::chrono::system_clock::now());
    ASSERT_FALSE(jwt);
    EXPECT_EQ(jwt.GetError().message.find("SECRET-MATERIAL"), std::string::npos);
}

}  // namespace
}  // namespace ycloud::auth
