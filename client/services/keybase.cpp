#include "client/services/keybase.hpp"

#include "client/services/json_fields.hpp"
#include "client/services/pagination.hpp"

namespace ycloud {

KeybaseService::KeybaseService(RestClient& anonymous_rest, std::string base_url)
    : rest_(anonymous_rest), base_url_(std::move(base_url)) {}

Result<std::string> KeybaseService::PrimaryPublicKey(const std::string& user_name, const Context& context) {
    const auto url =
        base_url_ + "/_/api/1.0/user/lookup.json?usernames=" + QueryEscape(user_name) + "&fields=public_keys";
    auto answer = rest_.Call(RestCall::Get(url).Unauthenticated(), context);
    if (!answer) {
        auto error = answer.GetError();
        error.message = "Keybase lookup of \"" + user_name + "\" at " + base_url_ + " failed: " + error.message;
        return error;
    }
    const auto& json = answer.Value();
    // Keybase reports failures in its own status object, usually with HTTP 200.
    const auto status = ObjectField(json, "status");
    if (TextField(status, "name") != "OK") {
        const auto name = TextField(status, "name");
        return Error::Of(name == "NOT_FOUND" ? GrpcCode::kNotFound : GrpcCode::kUnknown,
                         "Keybase has no user \"" + user_name + "\" (status " +
                             (name.empty() ? std::string("missing") : name) + ")");
    }
    const auto them = ArrayField(json, "them");
    if (them.empty() || !them.front().is_object()) {
        return Error::Of(GrpcCode::kNotFound, "Keybase has no user \"" + user_name + "\"");
    }
    const auto bundle = TextField(ObjectField(ObjectField(them.front(), "public_keys"), "primary"), "bundle");
    if (bundle.empty()) {
        return Error::Of(GrpcCode::kNotFound, "Keybase user \"" + user_name + "\" has no public key");
    }
    return bundle;
}

}  // namespace ycloud
