#include "acceptance-tests/protocol/provider_session.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "acceptance-tests/support/terraform.hpp"
#include "tfplugin/types/codec.hpp"

namespace acceptance::protocol {

namespace {

using tfplugin::Type;
using tfplugin::Value;

// Terraform's view of a block: attributes by their type JSON, nested blocks by nesting mode.
Type BlockType(const tfplugin6::Schema_Block& block) {
    std::map<std::string, Type> attributes;
    for (const auto& attribute : block.attributes()) {
        attributes.emplace(attribute.name(), *Type::FromJson(nlohmann::json::parse(attribute.type())));
    }
    for (const auto& nested : block.block_types()) {
        const auto object = BlockType(nested.block());
        switch (nested.nesting()) {
            case tfplugin6::Schema_NestedBlock_NestingMode_LIST:
                attributes.emplace(nested.type_name(), Type::List(object));
                break;
            case tfplugin6::Schema_NestedBlock_NestingMode_SET:
                attributes.emplace(nested.type_name(), Type::Set(object));
                break;
            case tfplugin6::Schema_NestedBlock_NestingMode_MAP:
                attributes.emplace(nested.type_name(), Type::Map(object));
                break;
            default:
                attributes.emplace(nested.type_name(), object);
        }
    }
    return Type::Object(std::move(attributes));
}

std::uint64_t StatusField(const std::string& status, const std::string& name) {
    const auto at = status.find(name + ":");
    if (at == std::string::npos)
        return 0;
    return std::stoull(status.substr(at + name.size() + 1)) * 1024;  // the kernel counts kB
}

}  // namespace

ProviderSession::ProviderSession() : client_certificate_(tfplugin::server::GenerateServerCertificate()) {
    std::map<std::string, std::optional<std::string>> environment = {
        {"PLUGIN_CLIENT_CERT", client_certificate_.certificate_pem}};
    // Nothing may configure the provider behind the test's back.
    for (const char* name : {"YC_TOKEN",
                             "YC_SERVICE_ACCOUNT_KEY_FILE",
                             "YC_ENDPOINT",
                             "YC_IAM_ENDPOINT",
                             "YC_LOCKBOX_ENDPOINT",
                             "YC_LOCKBOX_PAYLOAD_ENDPOINT",
                             "YC_OPERATION_ENDPOINT",
                             "YC_KEYBASE_ENDPOINT",
                             "YC_PLAINTEXT",
                             "YC_INSECURE",
                             "YC_MAX_RETRIES",
                             "TF_LOG",
                             "TF_LOG_PROVIDER"}) {
        environment[name] = std::nullopt;
    }
    plugin_ = std::make_unique<tfplugin::server::testing_support::PluginUnderTest>(
        (ProviderBinaryDirectory() / "terraform-provider-yandex").string(), environment);
    const auto handshake = plugin_->Handshake();
    if (!handshake.problem.empty())
        throw std::runtime_error("the provider did not start: " + handshake.problem);

    // As go-plugin's client does: trust the handshake's certificate, and take answers of any size
    // (Terraform lifts gRPC's 4 MB default too).
    grpc::SslCredentialsOptions tls;
    tls.pem_root_certs = handshake.certificate_pem;
    tls.pem_private_key = client_certificate_.private_key_pem;
    tls.pem_cert_chain = client_certificate_.certificate_pem;
    grpc::ChannelArguments arguments;
    arguments.SetSslTargetNameOverride("localhost");
    arguments.SetMaxReceiveMessageSize(-1);
    arguments.SetMaxSendMessageSize(-1);
    channel_ = grpc::CreateCustomChannel("unix:" + handshake.address, grpc::SslCredentials(tls), arguments);
    stub_ = tfplugin6::Provider::NewStub(channel_);

    tfplugin6::GetProviderSchema_Response schema;
    const auto status = stub_->GetProviderSchema(Context().get(), {}, &schema);
    if (!status.ok())
        throw std::runtime_error("GetProviderSchema failed: " + status.error_message());
    api_key_type_ = BlockType(schema.resource_schemas().at(kApiKeyType).block());
}

std::unique_ptr<grpc::ClientContext> ProviderSession::Context() {
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
    return context;
}

bool ProviderSession::Alive() {
    return !plugin_->Process().Wait(std::chrono::milliseconds(0)).has_value();
}

Memory ProviderSession::ReadMemory() const {
    std::ifstream file("/proc/" + std::to_string(plugin_->Process().Pid()) + "/status");
    std::stringstream status;
    status << file.rdbuf();
    return {StatusField(status.str(), "VmRSS"), StatusField(status.str(), "VmHWM")};
}

void ProviderSession::ResetPeakMemory() const {
    // Writing 5 to clear_refs resets the peak resident set size (Linux 4.0 and later).
    std::ofstream("/proc/" + std::to_string(plugin_->Process().Pid()) + "/clear_refs") << "5";
}

Value ProviderSession::ApiKeyConfig(const std::map<std::string, Value>& set) const {
    std::map<std::string, Value> attributes;
    for (const auto& [name, type] : api_key_type_.AttributeTypes()) {
        const auto given = set.find(name);
        attributes.emplace(name, given != set.end() ? given->second : Value::Null(type));
    }
    return Value::Object(api_key_type_, std::move(attributes));
}

tfplugin6::DynamicValue ProviderSession::Msgpack(const Value& value) const {
    tfplugin6::DynamicValue dynamic;
    dynamic.set_msgpack(tfplugin::EncodeMsgpack(value, api_key_type_));
    return dynamic;
}

}  // namespace acceptance::protocol
