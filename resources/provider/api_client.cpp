#include "resources/provider/api_client.hpp"

namespace provider {

void ApiClient::Set(std::unique_ptr<ycloud::Client> client) {
    std::lock_guard lock(mutex_);
    client_ = std::move(client);
}

ycloud::Client* ApiClient::Get() const {
    std::lock_guard lock(mutex_);
    return client_.get();
}

}  // namespace provider
