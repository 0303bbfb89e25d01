#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "client/client.hpp"
#include "tfplugin/protocol/diagnostics.hpp"

namespace provider {

/// The Yandex Cloud client of one provider instance, set by ConfigureProvider and shared with
/// its resources and data sources. Empty until then.
class ApiClient {
public:
    void Set(std::unique_ptr<ycloud::Client> client);
    /// The client, or nullptr when the provider was not configured.
    [[nodiscard]] ycloud::Client* Get() const;
    /// The client, or nullptr after adding the "not configured" error: Terraform configures a
    /// provider before any call that needs it, so that is the provider's own bug.
    [[nodiscard]] ycloud::Client* GetOrDiagnose(tfplugin::Diagnostics& diagnostics) const;

private:
    mutable std::mutex mutex_;
    std::unique_ptr<ycloud::Client> client_;
};

}  // namespace provider
