#include "acceptance-tests/emulator/jwt_verify.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

#include "acceptance-tests/emulator/timestamp.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

namespace {

constexpr std::int64_t kMaxLifetimeSeconds = 3600;

bool SignatureValid(const std::string& public_pem, const std::string& input, const std::string& signature) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(public_pem.data(), static_cast<int>(public_pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr),
                                                            EVP_PKEY_free);
    if (!key)
        return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_PKEY_CTX* key_context = nullptr;
    return EVP_DigestVerifyInit(context.get(), &key_context, EVP_sha256(), nullptr, key.get()) == 1 &&
           EVP_PKEY_CTX_set_rsa_padding(key_context, RSA_PKCS1_PSS_PADDING) == 1 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(key_context, RSA_PSS_SALTLEN_DIGEST) == 1 &&
           EVP_DigestVerify(context.get(),
                            reinterpret_cast<const unsigned char*>(signature.data()),
                            signature.size(),
                            reinterpret_cast<const unsigned char*>(input.data()),
                            input.size()) == 1;
}

}  // namespace

std::optional<std::string> VerifyServiceAccountJwt(const State& state, const std::string& jwt, std::string& problem) {
    const auto first = jwt.find('.');
    const auto last = jwt.rfind('.');
    if (first == std::string::npos || first == last) {
        problem = "the JWT is malformed";
        return std::nullopt;
    }
    const auto header = nlohmann::json::parse(Base64UrlDecode(jwt.substr(0, first)), nullptr, false);
    const auto claims = nlohmann::json::parse(Base64UrlDecode(jwt.substr(first + 1, last - first - 1)), nullptr, false);
    if (!header.is_object() || !claims.is_object() || header.value("alg", "") != "PS256") {
        problem = "the JWT must be a PS256 JWT";
        return std::nullopt;
    }
    auto key = state.authorized_keys.find(header.value("kid", ""));
    if (key == state.authorized_keys.end()) {
        problem = "the JWT names an unknown key id";
        return std::nullopt;
    }
    if (claims.value("iss", "") != key->second.service_account_id) {
        problem = "the JWT issuer is not the key's service account";
        return std::nullopt;
    }
    const auto audience = claims.contains("aud") && claims["aud"].is_array() && !claims["aud"].empty()
                              ? claims["aud"][0].get<std::string>()
                              : claims.value("aud", "");
    if (audience != kJwtAudience) {
        problem = std::string("the JWT audience must be ") + kJwtAudience;
        return std::nullopt;
    }
    const auto issued = claims.value("iat", std::int64_t{0});
    const auto expires = claims.value("exp", std::int64_t{0});
    if (expires <= NowEpochSeconds() || expires - issued > kMaxLifetimeSeconds || expires <= issued) {
        problem = "the JWT has expired or lives longer than an hour";
        return std::nullopt;
    }
    if (!SignatureValid(key->second.public_key_pem, jwt.substr(0, last), Base64UrlDecode(jwt.substr(last + 1)))) {
        problem = "the JWT signature does not verify";
        return std::nullopt;
    }
    return key->second.service_account_id;
}

}  // namespace emulator
