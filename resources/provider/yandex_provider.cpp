#include "resources/provider/yandex_provider.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "resources/iam_api_key_scopes/data_source.hpp"
#include "resources/iam_service_account_api_key/resource.hpp"
#include "resources/iam_service_account_api_key_ephemeral/ephemeral_resource.hpp"
#include "resources/iam_service_account_api_keys/data_source.hpp"
#include "resources/provider/configure_errors.hpp"
#include "resources/provider/definition.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Diagnostics;
using tfplugin::Value;

// Like the official provider: the value is a path to an existing file or the key's JSON itself.
void CheckKeyFile(const Value& config, Diagnostics& diagnostics) {
    if (tfplugin::framework::IsSet(ProviderDefinition(), config, "service_account_key_file") != true)
        return;
    const auto& text = config.Attribute("service_account_key_file").AsString();
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

}  // namespace

YandexProvider::YandexProvider(EnvironmentLookup environment)
    : Provider(ProviderDefinition()), environment_(std::move(environment)) {
    AddResource(std::make_unique<ApiKeyResource>(api_client_));
    AddDataSource(std::make_unique<ApiKeyScopesDataSource>(api_client_));
    AddDataSource(std::make_unique<ServiceAccountApiKeysDataSource>(api_client_));
    AddEphemeralResource(std::make_unique<EphemeralApiKey>(api_client_));
}

void YandexProvider::ValidateConfig(const tfplugin::CallContext& /*ctx*/,
                                    const Value& config,
                                    Diagnostics& diagnostics) {
    if (!config.IsKnown())
        return;
    CheckKeyFile(config, diagnostics);
}

void YandexProvider::Configure(const tfplugin::CallContext& ctx,
                               const tfplugin::ConfigureProviderRequest& request,
                               Diagnostics& diagnostics) {
    if (!request.config.IsWhollyKnown()) {
        diagnostics.AddError("Provider configuration is not known yet",
                             "Some provider settings depend on values known only after apply; set them to known "
                             "values so the provider can reach Yandex Cloud.");
        return;
    }
    auto config = ClientConfigFrom(request.config, environment_, diagnostics);
    if (diagnostics.HasError())
        return;
    auto client = ycloud::Client::Create(config);
    if (!client) {
        diagnostics.AddAttributeError(
            AttributePath::Root("service_account_key_file"), "Invalid service account key", client.GetError().message);
        return;
    }
    ycloud::Context call;
    call.stop = ctx.stop;
    call.deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    if (auto checked = client.Value()->CheckCredentials(call); !checked) {
        AddConfigureError(config, checked.GetError(), diagnostics);
        return;
    }
    api_client_->Set(std::move(client).Value());
}

}  // namespace provider
