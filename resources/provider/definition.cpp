#include "resources/provider/definition.hpp"

#include <utility>
#include <vector>

#include "resources/provider/client_config.hpp"
#include "tfplugin/framework/attributes.hpp"
#include "tfplugin/framework/validators.hpp"

namespace provider {

namespace {

using namespace tfplugin;
using namespace tfplugin::framework;

NestedBlock EndpointsBlock() {
    NestedBlock block;
    block.type_name = "endpoints";
    block.nesting = NestingMode::kList;
    block.max_items = 1;
    block.block.description =
        "Service endpoints that override what `endpoint` discovery returns: for private installations and for the "
        "bundled local emulator. Each is `host:port` or a full URL (`http://127.0.0.1:8443`).";
    block.block.attributes = {
        Optional("iam", Type::String(), "IAM API (API keys, IAM tokens). Default from `YC_IAM_ENDPOINT`."),
        Optional("lockbox", Type::String(), "Lockbox API (secrets, versions). Default from `YC_LOCKBOX_ENDPOINT`."),
        Optional("lockbox_payload",
                 Type::String(),
                 "Lockbox payload API (secret values). Default from `YC_LOCKBOX_PAYLOAD_ENDPOINT`."),
        Optional("operation", Type::String(), "Operation API. Default from `YC_OPERATION_ENDPOINT`."),
        Optional("keybase",
                 Type::String(),
                 "Keybase API used for `pgp_key = \"keybase:<user>\"`. Default `https://keybase.io`, or "
                 "`YC_KEYBASE_ENDPOINT`."),
    };
    return block;
}

// An argument of the official provider's block that this provider accepts, so that a block
// copied from yandex-cloud/yandex works unchanged, but does not use.
Attribute Accepted(const char* name, const char* description) {
    return Optional(name, Type::String(), std::string(description) + " Accepted for compatibility and ignored.");
}

// What each accepted-but-unused argument is for in the official provider.
const std::vector<std::pair<const char*, const char*>>& IgnoredArguments() {
    static const std::vector<std::pair<const char*, const char*>> arguments = {
        {"folder_id", "Default folder ID (`YC_FOLDER_ID`); API keys belong to a service account, not a folder."},
        {"cloud_id", "Default cloud ID (`YC_CLOUD_ID`)."},
        {"organization_id", "Default organization ID (`YC_ORGANIZATION_ID`)."},
        {"region_id", "Region (`YC_REGION`)."},
        {"zone", "Default availability zone (`YC_ZONE`)."},
        {"storage_endpoint", "Object Storage endpoint (`YC_STORAGE_ENDPOINT_URL`)."},
        {"storage_access_key", "Object Storage access key (`YC_STORAGE_ACCESS_KEY`)."},
        {"storage_secret_key", "Object Storage secret key (`YC_STORAGE_SECRET_KEY`)."},
        {"ymq_endpoint", "Message Queue endpoint (`YC_MESSAGE_QUEUE_ENDPOINT`)."},
        {"ymq_access_key", "Message Queue access key (`YC_MESSAGE_QUEUE_ACCESS_KEY`)."},
        {"ymq_secret_key", "Message Queue secret key (`YC_MESSAGE_QUEUE_SECRET_KEY`)."},
        {"yq_endpoint", "Yandex Query endpoint (`YC_YQ_ENDPOINT`)."},
        {"datalens_endpoint", "DataLens endpoint (`YC_DATALENS_ENDPOINT`)."},
        {"shared_credentials_file", "Shared credentials file for Object Storage."},
        {"profile", "Profile in `shared_credentials_file`."},
    };
    return arguments;
}

bool IsSecret(const std::string& name) {
    return name == "storage_secret_key" || name == "ymq_secret_key";
}

Definition Build() {
    Definition definition;
    auto& block = definition.schema.block;
    block.description =
        "Manages Yandex Cloud IAM service account API keys. Credentials are tried in this order: "
        "`service_account_key_file`, `token`, then the service account of the compute instance the provider runs on.";
    block.attributes = {
        Optional(
            "endpoint",
            Type::String(),
            "Yandex Cloud API endpoint used to discover the service endpoints. Default `api.cloud.yandex.net:443`, "
            "or `YC_ENDPOINT`."),
        Sensitive(Optional("token",
                           Type::String(),
                           "IAM token (`t1.…`) or OAuth token used to authenticate. Default from `YC_TOKEN`. Conflicts "
                           "with `service_account_key_file`.")),
        Sensitive(Optional("service_account_key_file",
                           Type::String(),
                           "Path to, or the JSON content of, a service account authorized key (`yc iam key create "
                           "-o key.json`). Default from `YC_SERVICE_ACCOUNT_KEY_FILE`. Conflicts with `token`.")),
        Optional("insecure",
                 Type::Bool(),
                 "Do not verify the TLS certificates of the API. Default `false`, or `YC_INSECURE`."),
        Optional("plaintext",
                 Type::Bool(),
                 "Talk to the API without TLS (only for local endpoints such as the emulator). Default `false`, or "
                 "`YC_PLAINTEXT`."),
        Optional("max_retries",
                 Type::Number(),
                 "How many times a failed API call (network error, HTTP 429 or 5xx) is retried, from 0 to 100. "
                 "Default `5`, or `YC_MAX_RETRIES`."),
        Optional("connection_pool_size",
                 Type::Number(),
                 "How many connections to the API are kept open for reuse, from 1 to 256. Terraform runs up to "
                 "`-parallelism` operations at once (10 by default) without telling the provider; set this at "
                 "least as high when you raise it, or calls beyond the pool open new connections. Default `" +
                     std::to_string(kConnectionPoolSize.fallback) + "`, or `YC_CONNECTION_POOL_SIZE`."),
    };
    for (const auto& [name, description] : IgnoredArguments()) {
        auto attribute = Accepted(name, description);
        block.attributes.push_back(IsSecret(name) ? Sensitive(std::move(attribute)) : std::move(attribute));
        definition.rules[name].validators = {
            NotUsed("this provider manages only API keys and does not use it. It is accepted so that provider "
                    "blocks written for yandex-cloud/yandex work unchanged; you may remove it.")};
    }
    block.block_types = {EndpointsBlock()};
    // As in the official provider, "" means "not set": the YC_* variable or the default applies.
    for (const auto& attribute : block.attributes) {
        if (attribute.type == Type::String())
            definition.rules[attribute.name].empty_means_unset = true;
    }
    definition.rules["service_account_key_file"].conflicts_with = {"token"};
    for (const auto& setting : {kMaxRetries, kConnectionPoolSize})
        definition.rules[setting.attribute].validators = {WholeNumberBetween(setting.least, setting.most)};
    return definition;
}

}  // namespace

const Definition& ProviderDefinition() {
    static const Definition definition = Build();
    return definition;
}

}  // namespace provider
