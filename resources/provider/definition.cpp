#include "resources/provider/definition.hpp"

#include "tfplugin/framework/attributes.hpp"

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
        Optional("folder_id", Type::String(), "Default folder ID. Default from `YC_FOLDER_ID`."),
        Optional("cloud_id", Type::String(), "Default cloud ID. Default from `YC_CLOUD_ID`."),
        Optional("insecure",
                 Type::Bool(),
                 "Do not verify the TLS certificates of the API. Default `false`, or `YC_INSECURE`."),
        Optional("plaintext",
                 Type::Bool(),
                 "Talk to the API without TLS (only for local endpoints such as the emulator). Default `false`, or "
                 "`YC_PLAINTEXT`."),
        Optional("max_retries",
                 Type::Number(),
                 "How many times a failed API call (network error, HTTP 429 or 5xx) is retried. Default `5`, or "
                 "`YC_MAX_RETRIES`."),
    };
    block.block_types = {EndpointsBlock()};
    definition.rules["endpoint"].validators = {StringNotEmpty()};
    return definition;
}

}  // namespace

const Definition& ProviderDefinition() {
    static const Definition definition = Build();
    return definition;
}

}  // namespace provider
