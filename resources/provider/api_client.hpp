#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "client/client.hpp"

namespace provider {

/// The Yandex Cloud client of one provider instance, set by ConfigureProvider and shared with
/// the resources. Empty until then.
class ApiClient {
public:
    void Set(std::unique_ptr<ycloud::Client> client);
    /// The client, or nullptr when the provider was not configured.
    [[nodiscard]] ycloud::Client* Get() const;

private:
    mutable std::mutex mutex_;
    std::unique_ptr<ycloud::Client> client_;
};

}  // namespace provider
