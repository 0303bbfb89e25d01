#include "client/auth/service_account_key.hpp"

#include <absl/strings/escaping.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "client/wipe.hpp"

namespace ycloud::auth {

namespace {

constexpr auto kJwtLifetime = std::chrono::hours(1);

Error KeyError(std::string message) {
    return Error::Of(GrpcCode::kInvalidArgument, std::move(message));
}

std::string ExpandHome(std::string_view path) {
    if (path.substr(0, 2) == "~/") {
        const char* home = std::getenv("HOME");
        return std::string(home == nullptr ? "" : home) + std::string(path.substr(1));
    }
    return std::string(path);
}

// A key file is about 2.5 KiB (a 4096-bit RSA key in PEM and a few ids); anything much larger is
// not one, and a path such as /dev/zero must not be read until memory runs out.
constexpr std::size_t kMaxKeyFileBytes = 64 * 1024;

Result<std::string> ReadKeyFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return KeyError("the service account key file cannot be read: it is neither JSON nor a readable file");
    std::string content(kMaxKeyFileBytes + 1, '\0');
    file.read(content.data(), static_cast<std::streamsize>(content.size()));
    content.resize(static_cast<std::size_t>(file.gcount()));
    if (content.size() > kMaxKeyFileBytes) {
        return KeyError("the service account key file is larger than " + std::to_string(kMaxKeyFileBytes / 1024) +
                        " KiB, so it is not an authorized key file (`yc iam key create -o key.json` writes one)");
    }
    return content;
}

}  // namespace

std::string Base64Url(std::string_view bytes) {
    return absl::WebSafeBase64Escape(absl::string_view(bytes.data(), bytes.size()));
}

Result<ServiceAccountKey> LoadServiceAccountKey(std::string_view path_or_content) {
    auto json = nlohmann::json::parse(path_or_content, nullptr, false);
    if (json.is_discarded()) {
        auto content = ReadKeyFile(ExpandHome(path_or_content));
        if (!content)
            return content.GetError();
        json = nlohmann::json::parse(content.Value(), nullptr, false);
        Wipe(content.Value());
        if (json.is_discarded())
            return KeyError("the service account key file is not valid JSON");
    }
    const auto text = [&json](const char* field) {
        return json.is_object() && json.contains(field) && json[field].is_string() ? json[field].get<std::string>()
                                                                                   : std::string();
    };
    ServiceAccountKey key;
    key.key_id = text("id");
    key.service_account_id = text("service_account_id");
    if (key.key_id.empty())
        return KeyError("the service account key has no \"id\" (key id is missing)");
    if (key.service_account_id.empty()) {
        return KeyError(text("user_account_id").empty()
                            ? "the service account key has no \"service_account_id\""
                            : "the key belongs to a user account; it must be issued for a service account");
    }
    auto pem = text("private_key");
    WipeStrings(json);
    if (pem.empty())
        return KeyError("the service account key has no \"private_key\"");
    key.private_key_pem = SecretString(pem);
    Wipe(pem);
    return key;
}

Result<SecretString> MakeServiceAccountJwt(const ServiceAccountKey& key,
                                           std::chrono::system_clock::time_point now,
                                           const std::string& audience) {
    const auto issued = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const auto expires = issued + std::chrono::duration_cast<std::chrono::seconds>(kJwtLifetime).count();
    const nlohmann::json header = {{"typ", "JWT"}, {"alg", "PS256"}, {"kid", key.key_id}};
    const nlohmann::json claims = {
        {"iss", key.service_account_id}, {"aud", audience}, {"iat", issued}, {"exp", expires}};
    const auto signing_input = Base64Url(header.dump()) + "." + Base64Url(claims.dump());

    // PEM_read_bio_PrivateKey skips any text before "-----BEGIN", such as the
    // "PLEASE DO NOT REMOVE THIS LINE!" line of newer key files.
    const auto pem = key.private_key_pem.Reveal();
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> private_key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!private_key)
        return KeyError("the private key of the service account key is not a readable PEM key");

    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_PKEY_CTX* key_context = nullptr;
    std::size_t length = 0;
    if (EVP_DigestSignInit(context.get(), &key_context, EVP_sha256(), nullptr, private_key.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(key_context, RSA_PKCS1_PSS_PADDING) != 1 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(key_context, RSA_PSS_SALTLEN_DIGEST) != 1 ||
        EVP_DigestSign(context.get(),
                       nullptr,
                       &length,
                       reinterpret_cast<const unsigned char*>(signing_input.data()),
                       signing_input.size()) != 1) {
        return KeyError("the service account key cannot sign (is it an RSA key?)");
    }
    std::string signature(length, '\0');
    if (EVP_DigestSign(context.get(),
                       reinterpret_cast<unsigned char*>(signature.data()),
                       &length,
                       reinterpret_cast<const unsigned char*>(signing_input.data()),
                       signing_input.size()) != 1) {
        return KeyError("signing the JWT failed");
    }
    signature.resize(length);
    return SecretString(signing_input + "." + Base64Url(signature));
}

}  // namespace ycloud::auth
