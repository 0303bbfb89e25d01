#pragma once

#include <string>

#include "client/endpoints.hpp"

namespace ycloud {

/// Keybase's public user lookup, for PGP keys given as "keybase:<user>". Not a Yandex Cloud
/// service: it is called without credentials, so no IAM token ever leaves for Keybase.
class KeybaseService {
public:
    /// `base_url` is e.g. "https://keybase.io".
    KeybaseService(RestClient& anonymous_rest, std::string base_url);

    /// The user's primary public key, ASCII-armored, as Keybase publishes it.
    Result<std::string> PrimaryPublicKey(const std::string& user_name, const Context& context);

private:
    RestClient& rest_;
    std::string base_url_;
};

}  // namespace ycloud
