#include "tfplugin/server/testing/plugin_harness.hpp"

#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "go_plugin.grpc.pb.h"
#include "tfplugin/server/handshake.hpp"

namespace tfplugin::server::testing_support {

namespace {

std::vector<std::string> Split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, separator))
        parts.push_back(part);
    if (!text.empty() && text.back() == separator)
        parts.emplace_back();
    return parts;
}

std::string DerBase64ToPem(std::string base64) {
    while (base64.size() % 4 != 0)
        base64 += '=';
    std::string pem = "-----BEGIN CERTIFICATE-----\n";
    for (std::size_t i = 0; i < base64.size(); i += 64)
        pem += base64.substr(i, 64) + "\n";
    return pem + "-----END CERTIFICATE-----\n";
}

constexpr auto kCallTimeout = std::chrono::seconds(5);

// A fresh directory only we may enter (mkdtemp makes it 0700), under `parent`.
std::filesystem::path MakePrivateDirectory(const std::filesystem::path& parent) {
    auto pattern = (parent / "sock-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a socket directory under " + parent.string());
    return pattern;
}

// `path` (absolute, as seen inside `root`) as seen from outside it.
std::filesystem::path OutsideRoot(const std::filesystem::path& root, const std::filesystem::path& path) {
    return root.empty() ? path : root / path.relative_path();
}

// The directory as seen inside `root`.
std::filesystem::path InsideRoot(const std::filesystem::path& root, const std::filesystem::path& path) {
    return root.empty() ? path : std::filesystem::path("/") / path.lexically_relative(root);
}

}  // namespace

HandshakeLineParts ParseHandshakeLine(const std::string& line) {
    HandshakeLineParts parts;
    const auto fields = Split(line, '|');
    if (fields.size() != 6) {
        parts.problem = "expected 6 fields in the handshake line, got: " + line;
        return parts;
    }
    parts.core_version = fields[0];
    parts.app_version = fields[1];
    parts.network = fields[2];
    parts.address = fields[3];
    parts.protocol = fields[4];
    parts.certificate_base64 = fields[5];
    if (!parts.certificate_base64.empty()) {
        parts.certificate_pem = DerBase64ToPem(parts.certificate_base64);
    }
    return parts;
}

PluginUnderTest::PluginUnderTest(const std::string& binary,
                                 std::map<std::string, std::optional<std::string>> environment,
                                 const PluginLaunch& launch)
    : root_(launch.root),
      socket_parent_(MakePrivateDirectory(root_.empty() ? std::filesystem::temp_directory_path() : root_)),
      started_(Clock::now()) {
    environment.emplace(std::string(handshake::kMagicCookieKey), std::string(handshake::kMagicCookieValue));
    environment.emplace("PLUGIN_PROTOCOL_VERSIONS", "5,6");
    environment.emplace("PLUGIN_UNIX_SOCKET_DIR", InsideRoot(root_, socket_parent_).string());
    test_support::ProcessOptions options;
    options.environment = std::move(environment);
    auto argv = launch.wrapper;
    argv.push_back(binary);
    started_ = Clock::now();
    process_ = std::make_unique<test_support::BackgroundProcess>(argv, options);
}

PluginUnderTest::~PluginUnderTest() {
    // Stop the plugin before removing the directory its socket lives in.
    process_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(socket_parent_, ignored);
}

HandshakeLineParts PluginUnderTest::Handshake() {
    const auto line = process_->ReadLine(std::chrono::seconds(10));
    handshake_time_ = Clock::now() - started_;
    if (!line) {
        HandshakeLineParts failed;
        failed.problem = "no handshake line; stderr: " + process_->Stderr();
        return failed;
    }
    auto parts = ParseHandshakeLine(*line);
    // A plugin in another root names its socket by the path it sees; we connect from outside.
    if (parts.problem.empty() && parts.network == "unix")
        parts.address = OutsideRoot(root_, parts.address).string();
    return parts;
}

std::shared_ptr<grpc::Channel> Connect(const HandshakeLineParts& handshake,
                                       const std::optional<ServerCertificate>& client_certificate) {
    const auto target = handshake.network == "unix" ? "unix:" + handshake.address : handshake.address;
    if (handshake.certificate_pem.empty()) {
        return grpc::CreateChannel(target, grpc::InsecureChannelCredentials());
    }
    grpc::SslCredentialsOptions options;
    options.pem_root_certs = handshake.certificate_pem;
    if (client_certificate) {
        options.pem_private_key = client_certificate->private_key_pem;
        options.pem_cert_chain = client_certificate->certificate_pem;
    }
    grpc::ChannelArguments arguments;
    arguments.SetSslTargetNameOverride("localhost");
    return grpc::CreateCustomChannel(target, grpc::SslCredentials(options), arguments);
}

grpc::Status CallGetProviderSchema(const std::shared_ptr<grpc::Channel>& channel,
                                   tfplugin6::GetProviderSchema_Response* response) {
    auto stub = tfplugin6::Provider::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + kCallTimeout);
    tfplugin6::GetProviderSchema_Response ignored;
    return stub->GetProviderSchema(&context, {}, response != nullptr ? response : &ignored);
}

grpc::Status CallShutdown(const std::shared_ptr<grpc::Channel>& channel) {
    auto stub = plugin::GRPCController::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + kCallTimeout);
    plugin::Empty response;
    return stub->Shutdown(&context, {}, &response);
}

}  // namespace tfplugin::server::testing_support
