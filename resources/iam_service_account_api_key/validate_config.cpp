// Plan-time checks of a key's configuration that need a parser; the per-attribute limits and the
// scope/scopes conflict live in definition.cpp.
#include <algorithm>
#include <cctype>
#include <string>
#include <variant>

#include "resources/iam_service_account_api_key/definition.hpp"
#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/pgp/public_key.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Diagnostics;
using tfplugin::Value;

// Keybase user names are 2-16 characters of letters, digits and underscores.
bool IsKeybaseUserName(const std::string& name) {
    return name.size() >= 2 && name.size() <= 16 &&
           std::all_of(name.begin(), name.end(), [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

void CheckPgpKey(const ApiKeyModel& config, Diagnostics& diagnostics) {
    if (IsSet(config, &ApiKeyModel::pgp_key) != true)
        return;
    const auto& pgp_key = config.pgp_key;
    const auto path = PathOf(&ApiKeyModel::pgp_key);
    const auto& text = pgp_key.AsString();
    if (pgp::IsKeybaseReference(text)) {
        const auto user = text.substr(std::string("keybase:").size());
        if (!IsKeybaseUserName(user)) {
            diagnostics.AddAttributeError(path,
                                          "Invalid Keybase user name",
                                          "\"pgp_key\" names Keybase user \"" + user +
                                              "\", but Keybase user names are 2 to 16 letters, digits or "
                                              "underscores: write \"keybase:<username>\".");
        }
        return;
    }
    auto parsed = pgp::PublicKey::Parse(text);
    if (const auto* problem = std::get_if<std::string>(&parsed)) {
        diagnostics.AddAttributeError(path,
                                      "Invalid PGP public key",
                                      "\"pgp_key\" must be an OpenPGP public key (base64 of a binary key as printed "
                                      "by `gpg --export <id> | base64 -w0`, base64 of an armored key, or the armored "
                                      "text) or \"keybase:<username>\", but " +
                                          *problem + ".");
    }
}

}  // namespace

const tfplugin::framework::Definition& ApiKeyResource::GetDefinition() const {
    return ApiKeyDefinition();
}

void ApiKeyResource::ValidateConfig(const tfplugin::CallContext& /*ctx*/,
                                    const Value& config,
                                    Diagnostics& diagnostics) const {
    if (!config.IsKnown())
        return;
    CheckPgpKey(ApiKeyModel::From(config), diagnostics);
}

}  // namespace provider
