#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "client/rest_client.hpp"

namespace ycloud::auth {

inline constexpr const char* kDefaultMetadataTokenUrl =
    "http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token";

/// What the user gave to authenticate with, as in the official provider.
struct CredentialsConfig {
    std::optional<SecretString> service_account_key;  ///< path or JSON content of an authorized key
    std::optional<SecretString> token;                ///< IAM token (t1.…) or OAuth token
    std::string metadata_token_url = kDefaultMetadataTokenUrl;
};

/// The message the official provider gives when there is nothing to authenticate with.
inline constexpr const char* kNoCredentialsMessage =
    "one of 'token' or 'service_account_key_file' should be specified; if you are inside compute instance, you can "
    "attach service account to it in order to authenticate via instance service account";

/// Chooses the credentials in the official provider's order: the service account key (JWT
/// exchanged for IAM tokens), then `token` (an IAM token as is, an OAuth token exchanged), then
/// the compute instance's metadata service. Exchanged tokens are cached and refreshed.
/// `rest` makes the exchange calls; `iam_tokens_url` gives POST /iam/v1/tokens's URL.
Result<std::unique_ptr<TokenSource>> MakeTokenSource(const CredentialsConfig& config,
                                                     RestClient& rest,
                                                     std::function<Result<std::string>(const Context&)> iam_tokens_url);

}  // namespace ycloud::auth
