#include "resources/iam_service_account_api_key/apply_support.hpp"

namespace provider {

std::string TaintedKeyNote(const std::string& api_key_id) {
    return "API key " + api_key_id +
           " was created and is recorded in the state as tainted, so the next apply replaces it.";
}

std::variant<pgp::PublicKey, std::string> ResolvePublicKey(ycloud::Client& client,
                                                           const std::string& pgp_key,
                                                           const ycloud::Context& context) {
    if (!pgp::IsKeybaseReference(pgp_key))
        return pgp::PublicKey::Parse(pgp_key);
    const auto user = pgp_key.substr(pgp_key.find(':') + 1);
    auto armored = client.Keybase().PrimaryPublicKey(user, context);
    if (!armored)
        return "Cannot fetch the public key of Keybase user \"" + user + "\": " + armored.GetError().ToString();
    auto parsed = pgp::PublicKey::Parse(armored.Value());
    if (auto* problem = std::get_if<std::string>(&parsed))
        return "The public key Keybase publishes for \"" + user + "\" cannot be used: " + *problem;
    return parsed;
}

}  // namespace provider
