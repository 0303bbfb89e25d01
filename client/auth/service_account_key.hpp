#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "client/result.hpp"
#include "client/secret_string.hpp"

namespace ycloud::auth {

/// The audience Yandex Cloud's IAM expects in service account JWTs.
inline constexpr const char* kIamTokensAudience = "https://iam.api.cloud.yandex.net/iam/v1/tokens";

/// An authorized key of a service account (`yc iam key create -o key.json`).
struct ServiceAccountKey {
    std::string key_id;
    std::string service_account_id;
    SecretString private_key_pem;
};

/// Reads the key from JSON content, or from the file at that path (`~/` is the home folder).
/// Each problem has its own message; none of them quotes the key.
Result<ServiceAccountKey> LoadServiceAccountKey(std::string_view path_or_content);

/// A PS256 (RSASSA-PSS, SHA-256, salt length 32) JWT for POST /iam/v1/tokens: header with
/// `kid`, claims `iss` (the service account), `aud`, `iat` and `exp` one hour later.
Result<SecretString> MakeServiceAccountJwt(const ServiceAccountKey& key,
                                           std::chrono::system_clock::time_point now,
                                           const std::string& audience = kIamTokensAudience);

/// base64url without padding, as JWTs use it.
std::string Base64Url(std::string_view bytes);

}  // namespace ycloud::auth
