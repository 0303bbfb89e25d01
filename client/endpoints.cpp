#include "client/endpoints.hpp"

#include "client/services/json_fields.hpp"

namespace ycloud {

namespace {

// Discovery ids of the services we use.
const char* DiscoveryId(Service service) {
    switch (service) {
        case Service::kIam:
            return "iam";
        case Service::kLockbox:
            return "lockbox";
        case Service::kLockboxPayload:
            return "lockbox-payload";
        case Service::kOperation:
            return "operation";
    }
    return "";
}

}  // namespace

Endpoints::Endpoints(RestClient& rest, std::string api_endpoint, bool plaintext, EndpointOverrides overrides)
    : rest_(rest), api_endpoint_(std::move(api_endpoint)), plaintext_(plaintext), overrides_(std::move(overrides)) {}

const std::string& Endpoints::OverrideFor(Service service) const {
    switch (service) {
        case Service::kLockbox:
            return overrides_.lockbox;
        case Service::kLockboxPayload:
            return overrides_.lockbox_payload;
        case Service::kOperation:
            return overrides_.operation;
        case Service::kIam:
            break;
    }
    return overrides_.iam;
}

std::string Endpoints::ToUrl(const std::string& address) const {
    if (address.find("://") != std::string::npos) {
        return address.back() == '/' ? address.substr(0, address.size() - 1) : address;
    }
    return (plaintext_ ? "http://" : "https://") + address;
}

Result<std::string> Endpoints::BaseUrl(Service service, const Context& context) {
    const auto& override_address = OverrideFor(service);
    if (!override_address.empty()) {
        return ToUrl(override_address);
    }
    std::lock_guard lock(mutex_);
    if (!discovered_) {
        auto answer = rest_.Call(RestCall::Get(ToUrl(api_endpoint_) + "/endpoints").Unauthenticated(), context);
        if (!answer) {
            auto error = answer.GetError();
            error.message = "cannot discover the service endpoints from " + api_endpoint_ + ": " + error.message;
            return error;
        }
        std::map<std::string, std::string> found;
        // A malformed answer leaves services undiscovered (an error naming them), never an exception.
        for (const auto& entry : ArrayField(answer.Value(), "endpoints")) {
            const auto id = TextField(entry, "id");
            const auto address = TextField(entry, "address");
            if (!id.empty() && !address.empty())
                found[id] = address;
        }
        discovered_ = std::move(found);
    }
    auto found = discovered_->find(DiscoveryId(service));
    if (found == discovered_->end()) {
        return Error::Of(GrpcCode::kNotFound,
                         "the API endpoint " + api_endpoint_ + " does not list the \"" + DiscoveryId(service) +
                             "\" service; set its endpoint explicitly");
    }
    return ToUrl(found->second);
}

}  // namespace ycloud
