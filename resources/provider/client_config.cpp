#include "resources/provider/client_config.hpp"

#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "provider_version.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Value;

constexpr const char* kDefaultEndpoint = "api.cloud.yandex.net:443";

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

// A boolean variable, read as the official provider reads it (Go's strconv.ParseBool).
std::optional<bool> ParseBool(const std::string& text) {
    for (const char* yes : {"1", "t", "T", "TRUE", "true", "True"}) {
        if (text == yes)
            return true;
    }
    for (const char* no : {"0", "f", "F", "FALSE", "false", "False"}) {
        if (text == no)
            return false;
    }
    return std::nullopt;
}

// The attribute's value, else the variable's, else false. A variable that is not a boolean is an
// error, never a silent false: YC_PLAINTEXT=yes must not quietly mean TLS.
bool Flag(const Value& config,
          const std::string& name,
          const EnvironmentLookup& environment,
          const std::string& variable,
          tfplugin::Diagnostics& diagnostics) {
    const auto& value = config.Attribute(name);
    if (value.IsKnown())
        return value.AsBool();
    const auto text = environment(variable).value_or("");
    if (text.empty())
        return false;
    const auto parsed = ParseBool(text);
    if (!parsed) {
        diagnostics.AddAttributeError(AttributePath::Root(name),
                                      "Invalid " + variable,
                                      "The environment variable " + variable +
                                          " must be true or false (also accepted: 1, t, T, TRUE, True, 0, f, F, "
                                          "FALSE, False), got \"" +
                                          text + "\". Fix or unset it, or set \"" + name +
                                          "\" in the provider block, which takes precedence.");
    }
    return parsed.value_or(false);
}

// The attribute, else its YC_* variable, else the default. The variable is held to the attribute's
// range, so a typo in it is as clear an error as one in the attribute.
int WholeNumber(const Value& config,
                const WholeNumberSetting& setting,
                const EnvironmentLookup& environment,
                tfplugin::Diagnostics& diagnostics) {
    std::optional<std::int64_t> value;
    std::string source;
    if (const auto& attribute = config.Attribute(setting.attribute); attribute.IsKnown()) {
        value = attribute.AsNumber().ToInt64();
        source = setting.attribute;
    } else if (auto text = environment(setting.variable); text && !text->empty()) {
        std::int64_t parsed = 0;
        const auto* end = text->data() + text->size();
        const auto [stop, error] = std::from_chars(text->data(), end, parsed);
        if (error == std::errc() && stop == end)
            value = parsed;
        source = setting.variable;
    } else {
        return static_cast<int>(setting.fallback);
    }
    if (!value || *value < setting.least || *value > setting.most) {
        diagnostics.AddAttributeError(AttributePath::Root(setting.attribute),
                                      "Invalid " + source,
                                      source + " must be a whole number from " + std::to_string(setting.least) +
                                          " to " + std::to_string(setting.most) + " (the default is " +
                                          std::to_string(setting.fallback) + ").");
        return static_cast<int>(setting.fallback);
    }
    return static_cast<int>(*value);
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
    client.plaintext = Flag(config, "plaintext", environment, "YC_PLAINTEXT", diagnostics);
    client.insecure = Flag(config, "insecure", environment, "YC_INSECURE", diagnostics);
    client.max_retries = WholeNumber(config, kMaxRetries, environment, diagnostics);
    client.connection_pool_size = WholeNumber(config, kConnectionPoolSize, environment, diagnostics);
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
