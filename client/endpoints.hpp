#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "client/rest_client.hpp"

namespace ycloud {

enum class Service { kIam, kLockbox, kLockboxPayload, kOperation };

/// Explicit service addresses (`host:port` or a full URL) that win over discovery.
struct EndpointOverrides {
    std::string iam;
    std::string lockbox;
    std::string lockbox_payload;
    std::string operation;
};

/// Where each service lives. Like the official SDK it asks the API endpoint once
/// (GET <endpoint>/endpoints), unless every service it is asked about has an override.
class Endpoints {
public:
    /// `api_endpoint` is `host:port` (default api.cloud.yandex.net:443) or a URL; `plaintext`
    /// makes `host:port` addresses use http.
    Endpoints(RestClient& rest, std::string api_endpoint, bool plaintext, EndpointOverrides overrides);

    /// The base URL of a service, e.g. "https://iam.api.cloud.yandex.net:443".
    Result<std::string> BaseUrl(Service service, const Context& context);

    /// An address as a base URL: a URL stays as it is (without a trailing slash); `host:port`
    /// gets https, or http with `plaintext`.
    [[nodiscard]] std::string ToUrl(const std::string& address) const;

private:
    [[nodiscard]] const std::string& OverrideFor(Service service) const;

    RestClient& rest_;
    std::string api_endpoint_;
    bool plaintext_;
    EndpointOverrides overrides_;
    std::mutex mutex_;
    std::optional<std::map<std::string, std::string>> discovered_;
};

}  // namespace ycloud
