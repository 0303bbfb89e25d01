#include "resources/common/api_client.hpp"

namespace provider {

void ApiClient::Set(std::unique_ptr<ycloud::Client> client) {
    std::lock_guard lock(mutex_);
    client_ = std::move(client);
}

ycloud::Client* ApiClient::Get() const {
    std::lock_guard lock(mutex_);
    return client_.get();
}

ycloud::Client* ApiClient::GetOrDiagnose(tfplugin::Diagnostics& diagnostics) const {
    auto* client = Get();
    if (client == nullptr) {
        diagnostics.AddError("Provider not configured",
                             "The provider has no Yandex Cloud client yet. This is always a problem with the provider: "
                             "please report it.");
    }
    return client;
}

}  // namespace provider
