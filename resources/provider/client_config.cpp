#include "resources/provider/client_config.hpp"

#include <cstdlib>

#include "provider_version.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Value;

constexpr const char* kDefaultEndpoint = "api.cloud.yandex.net:443";
constexpr int kDefaultMaxRetries = 5;

// The attribute's string, else the variable's, else the default.
std::string Setting(const Value& block,
                    const std::string& name,
                    const EnvironmentLookup& environment,
                    const std::string& variable,
                    const std::string& fallback = "") {
    if (block.IsKnown()) {
        const auto& value = block.Attribute(name);
        if (value.IsKnown() && !value.AsString().empty())
            return value.AsString();
    }
    if (auto from_environment = environment(variable); from_environment && !from_environment->empty()) {
        return *from_environment;
    }
    return fallback;
}

bool Flag(const Value& config,
          const std::string& name,
          const EnvironmentLookup& environment,
          const std::string& variable) {
    const auto& value = config.Attribute(name);
    if (value.IsKnown())
        return value.AsBool();
    const auto text = environment(variable).value_or("");
    return text == "1" || text == "true" || text == "TRUE" || text == "True";
}

Value EndpointsBlock(const Value& config) {
    const auto& blocks = config.Attribute("endpoints");
    if (blocks.IsKnown() && !blocks.Elements().empty())
        return blocks.Elements().front();
    return Value::Null(tfplugin::Type::Dynamic());
}

}  // namespace

std::optional<std::string> ProcessEnvironment(const std::string& name) {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr)
        return std::nullopt;
    return std::string(value);
}

ycloud::ClientConfig ClientConfigFrom(const Value& config,
                                      const EnvironmentLookup& environment,
                                      tfplugin::Diagnostics& diagnostics) {
    ycloud::ClientConfig client;
    client.endpoint = Setting(config, "endpoint", environment, "YC_ENDPOINT", kDefaultEndpoint);
    client.plaintext = Flag(config, "plaintext", environment, "YC_PLAINTEXT");
    client.insecure = Flag(config, "insecure", environment, "YC_INSECURE");
    client.max_retries = kDefaultMaxRetries;
    if (const auto& retries = config.Attribute("max_retries"); retries.IsKnown()) {
        client.max_retries = static_cast<int>(retries.AsNumber().ToInt64().value_or(kDefaultMaxRetries));
    } else if (auto text = environment("YC_MAX_RETRIES")) {
        try {
            client.max_retries = std::stoi(*text);
        } catch (const std::exception&) {
            diagnostics.AddAttributeError(AttributePath::Root("max_retries"),
                                          "Invalid YC_MAX_RETRIES",
                                          "YC_MAX_RETRIES must be a whole number, got \"" + *text + "\".");
        }
    }
    const auto endpoints = EndpointsBlock(config);
    client.overrides.iam = Setting(endpoints, "iam", environment, "YC_IAM_ENDPOINT");
    client.overrides.lockbox = Setting(endpoints, "lockbox", environment, "YC_LOCKBOX_ENDPOINT");
    client.overrides.lockbox_payload =
        Setting(endpoints, "lockbox_payload", environment, "YC_LOCKBOX_PAYLOAD_ENDPOINT");
    client.overrides.operation = Setting(endpoints, "operation", environment, "YC_OPERATION_ENDPOINT");
    client.keybase_endpoint =
        Setting(endpoints, "keybase", environment, "YC_KEYBASE_ENDPOINT", client.keybase_endpoint);

    const auto key_file = Setting(config, "service_account_key_file", environment, "YC_SERVICE_ACCOUNT_KEY_FILE");
    const auto token = Setting(config, "token", environment, "YC_TOKEN");
    if (!key_file.empty())
        client.credentials.service_account_key = ycloud::SecretString(key_file);
    if (!token.empty())
        client.credentials.token = ycloud::SecretString(token);
    client.user_agent = std::string(kProductName) + "/" + kVersion;
    return client;
}

}  // namespace provider
