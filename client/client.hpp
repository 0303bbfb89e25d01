#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "client/auth/credentials.hpp"
#include "client/endpoints.hpp"
#include "client/services/api_keys.hpp"
#include "client/services/keybase.hpp"
#include "client/services/lockbox.hpp"
#include "client/services/operations.hpp"

namespace ycloud {

struct ClientConfig {
    std::string endpoint = "api.cloud.yandex.net:443";
    bool plaintext = false;  ///< http instead of https, for local endpoints
    bool insecure = false;   ///< do not verify TLS certificates
    int max_retries = 5;
    int connection_pool_size = http::TransportOptions::kDefaultConnectionPoolSize;
    EndpointOverrides overrides;
    std::string keybase_endpoint = "https://keybase.io";  ///< for PGP keys named "keybase:<user>"
    auth::CredentialsConfig credentials;
    std::string user_agent;  ///< e.g. "terraform-provider-yandex/0.1.0"
    std::chrono::milliseconds operation_poll_interval{1000};
};

/// Everything the provider calls in Yandex Cloud, behind one object per provider instance.
/// Safe to use from many threads at once; connections and IAM tokens are shared.
class Client {
public:
    /// Fails only on bad configuration (an unreadable key file); network problems show up on
    /// the first call.
    static Result<std::unique_ptr<Client>> Create(ClientConfig config);

    /// Gets an IAM token now, and for a token given as is makes one cheap call with it, so
    /// missing, wrong or expired credentials and an unreachable endpoint show up at configuration
    /// time rather than at the first resource call. The token stays cached for those calls.
    Result<Done> CheckCredentials(const Context& context);

    ApiKeyService& ApiKeys() { return *api_keys_; }
    OperationService& Operations() { return *operations_; }
    LockboxService& Lockbox() { return *lockbox_; }
    KeybaseService& Keybase() { return *keybase_; }

private:
    explicit Client(const ClientConfig& config);

    http::CurlTransport transport_;
    RestClient anonymous_rest_;  ///< for discovery and token exchange
    Endpoints endpoints_;
    std::unique_ptr<TokenSource> tokens_;
    std::unique_ptr<RestClient> rest_;
    std::unique_ptr<ApiKeyService> api_keys_;
    std::unique_ptr<OperationService> operations_;
    std::unique_ptr<LockboxService> lockbox_;
    std::unique_ptr<KeybaseService> keybase_;
};

}  // namespace ycloud
