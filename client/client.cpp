#include "client/client.hpp"

namespace ycloud {

namespace {

RetryPolicy RetriesFor(const ClientConfig& config) {
    RetryPolicy policy;
    policy.max_retries = config.max_retries;
    return policy;
}

http::TransportOptions TransportFor(const ClientConfig& config) {
    http::TransportOptions options;
    options.user_agent = config.user_agent;
    options.verify_tls = !config.insecure;
    options.trust_store = http::FindSystemTrustStore();
    options.connection_pool_size = config.connection_pool_size;
    return options;
}

}  // namespace

Client::Client(const ClientConfig& config)
    : transport_(TransportFor(config)),
      anonymous_rest_(transport_, RetriesFor(config), nullptr),
      endpoints_(anonymous_rest_, config.endpoint, config.plaintext, config.overrides) {}

Result<std::unique_ptr<Client>> Client::Create(ClientConfig config) {
    std::unique_ptr<Client> client(new Client(config));
    auto tokens =
        auth::MakeTokenSource(config.credentials,
                              client->anonymous_rest_,
                              [endpoints = &client->endpoints_](const Context& context) -> Result<std::string> {
                                  auto base = endpoints->BaseUrl(Service::kIam, context);
                                  if (!base)
                                      return base.GetError();
                                  return base.Value() + "/iam/v1/tokens";
                              });
    if (!tokens)
        return tokens.GetError();
    client->tokens_ = std::move(tokens).Value();
    client->rest_ = std::make_unique<RestClient>(client->transport_, RetriesFor(config), client->tokens_.get());
    client->api_keys_ = std::make_unique<ApiKeyService>(*client->rest_, client->endpoints_);
    client->operations_ =
        std::make_unique<OperationService>(*client->rest_, client->endpoints_, config.operation_poll_interval);
    client->lockbox_ = std::make_unique<LockboxService>(*client->rest_, client->endpoints_);
    client->keybase_ =
        std::make_unique<KeybaseService>(client->anonymous_rest_, client->endpoints_.ToUrl(config.keybase_endpoint));
    return client;
}

Result<Done> Client::CheckCredentials(const Context& context) {
    auto token = tokens_->IamToken(context);
    if (!token)
        return token.GetError();
    if (tokens_->TokensAreVerified())
        return Done{};
    // A token used as given (an IAM token) is only proven by a call.
    return api_keys_->ProveToken(context);
}

}  // namespace ycloud
