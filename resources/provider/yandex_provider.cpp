#include "resources/provider/yandex_provider.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/provider/definition.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Diagnostics;
using tfplugin::Value;

void CheckCredentialsDoNotConflict(const Value& config, Diagnostics& diagnostics) {
    if (!config.Attribute("token").IsNull() && !config.Attribute("service_account_key_file").IsNull()) {
        diagnostics.AddAttributeError(AttributePath::Root("service_account_key_file"),
                                      "Conflicting credentials",
                                      "Set either \"token\" or \"service_account_key_file\", not both.");
    }
}

// Like the official provider: the value is a path to an existing file or the key's JSON itself.
void CheckKeyFile(const Value& key_file, Diagnostics& diagnostics) {
    if (!key_file.IsKnown())
        return;
    const auto& text = key_file.AsString();
    if (nlohmann::json::accept(text))
        return;
    std::error_code error;
    auto path = std::filesystem::path(text);
    if (!text.empty() && text[0] == '~') {
        const char* home = std::getenv("HOME");
        path = std::filesystem::path(home == nullptr ? "" : home) / text.substr(text.size() > 1 ? 2 : 1);
    }
    if (!std::filesystem::is_regular_file(path, error)) {
        // The value may be a private key: never echo it back.
        diagnostics.AddAttributeError(AttributePath::Root("service_account_key_file"),
                                      "Invalid service account key file",
                                      "\"service_account_key_file\" must be the path of an existing file or the "
                                      "JSON content of an authorized key; it is neither.");
    }
}

void CheckMaxRetries(const Value& max_retries, Diagnostics& diagnostics) {
    if (!max_retries.IsKnown())
        return;
    const auto count = max_retries.AsNumber().ToInt64();
    if (!count || *count < 0 || *count > 100) {
        diagnostics.AddAttributeError(
            AttributePath::Root("max_retries"),
            "Invalid retry count",
            "\"max_retries\" must be a whole number from 0 to 100, got " + max_retries.AsNumber().ToString() + ".");
    }
}

}  // namespace

YandexProvider::YandexProvider() : Provider(ProviderDefinition()) {
    AddResource(std::make_unique<ApiKeyResource>());
}

void YandexProvider::ValidateConfig(const tfplugin::CallContext& /*ctx*/,
                                    const Value& config,
                                    Diagnostics& diagnostics) {
    if (!config.IsKnown())
        return;
    CheckCredentialsDoNotConflict(config, diagnostics);
    CheckKeyFile(config.Attribute("service_account_key_file"), diagnostics);
    CheckMaxRetries(config.Attribute("max_retries"), diagnostics);
}

void YandexProvider::Configure(const tfplugin::CallContext& /*ctx*/,
                               const tfplugin::ConfigureProviderRequest& /*request*/,
                               Diagnostics& /*diagnostics*/) {
    // The API client is built here once the client library is in place; validation and schema
    // calls need none.
}

}  // namespace provider
