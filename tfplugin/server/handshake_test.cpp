// The go-plugin handshake as Terraform performs it, against a real plugin process: magic
// cookie, protocol negotiation, the handshake line, AutoMTLS with client certificate checks,
// Controller.Shutdown, and exit when the parent dies.
#include "tfplugin/server/handshake.hpp"

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>

#include "go_plugin.grpc.pb.h"
#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"
#include "tfplugin/server/testing/plugin_harness.hpp"

namespace tfplugin::server {
namespace {

using test_support::ProcessOptions;
using test_support::TempDir;

using testing_support::CallGetProviderSchema;
using testing_support::CallShutdown;
using testing_support::Clock;
using testing_support::Connect;
using testing_support::HandshakeLineParts;
using testing_support::PluginUnderTest;

const char* const kPlugin = MINIMAL_PROVIDER_BINARY;

// Reads the handshake line and checks the fields every handshake must have.
HandshakeLineParts CheckedHandshake(PluginUnderTest& plugin) {
    const auto parts = plugin.Handshake();
    EXPECT_EQ(parts.problem, "");
    EXPECT_EQ(parts.core_version, "1");
    EXPECT_EQ(parts.app_version, "6");
    EXPECT_EQ(parts.protocol, "grpc");
    EXPECT_EQ(parts.certificate_base64.find('='), std::string::npos) << "the certificate must have no base64 padding";
    return parts;
}

class Handshake : public testing::Test {
protected:
    // Terraform's side of AutoMTLS: its own fresh client certificate.
    ServerCertificate client_ = GenerateServerCertificate();
};

TEST_F(Handshake, ClientWithItsCertificateIsServed) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}});
    const auto handshake = CheckedHandshake(plugin);
    EXPECT_EQ(handshake.network, "unix");
    ASSERT_FALSE(handshake.certificate_pem.empty());

    // The socket sits alone in a directory only we can enter.
    struct stat info {};
    ASSERT_EQ(stat(std::filesystem::path(handshake.address).parent_path().c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777U, 0700U);

    tfplugin6::GetProviderSchema_Response schema;
    const auto status = CallGetProviderSchema(Connect(handshake, client_), &schema);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(schema.resource_schemas().contains("minimal_thing"));
    std::cout << "[ figures  ] exec to handshake line: "
              << std::chrono::duration_cast<std::chrono::microseconds>(plugin.HandshakeTime()).count() / 1000.0
              << " ms\n";
}

TEST_F(Handshake, ServerCertificateNamesLocalhostForBothUsages) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}});
    const auto pem = CheckedHandshake(plugin).certificate_pem;
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr),
                                                     X509_free);
    ASSERT_TRUE(cert);
    EXPECT_EQ(X509_check_host(cert.get(), "localhost", 0, 0, nullptr), 1);
    EXPECT_TRUE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER);
    EXPECT_TRUE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT);
}

TEST_F(Handshake, ClientWithoutCertificateIsRefused) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}});
    const auto status = CallGetProviderSchema(Connect(CheckedHandshake(plugin), std::nullopt));
    EXPECT_FALSE(status.ok());
}

TEST_F(Handshake, ClientWithAnotherCertificateIsRefused) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}});
    const auto stranger = GenerateServerCertificate();
    const auto status = CallGetProviderSchema(Connect(CheckedHandshake(plugin), stranger));
    EXPECT_FALSE(status.ok());
}

// How long a plugin may take to exit once told to. Sanitizers slow a process's exit several times
// over (ThreadSanitizer once took over 1.5 s on a loaded CI machine), so under them the bound
// only tells "exits" from "hangs".
std::chrono::milliseconds ExitBound(std::chrono::milliseconds plain) {
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
    return plain * 10;
#else
    return plain;
#endif
}

TEST_F(Handshake, WithoutAutoMtlsServesPlaintextAndSendsNoCertificate) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", std::nullopt}});
    const auto handshake = CheckedHandshake(plugin);
    EXPECT_TRUE(handshake.certificate_pem.empty());
    EXPECT_TRUE(CallGetProviderSchema(Connect(handshake, std::nullopt)).ok());
}

TEST_F(Handshake, ShutdownEndsTheProcessWithinOneSecondAndRemovesTheSocket) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}});
    const auto handshake = CheckedHandshake(plugin);
    const auto channel = Connect(handshake, client_);
    ASSERT_TRUE(CallGetProviderSchema(channel).ok());
    const auto asked = Clock::now();
    EXPECT_TRUE(CallShutdown(channel).ok());
    const auto exit_code = plugin.Process().Wait(ExitBound(std::chrono::seconds(1)));
    const auto took = Clock::now() - asked;
    ASSERT_TRUE(exit_code) << "still running 1 s after Shutdown";
    EXPECT_EQ(*exit_code, 0);
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(handshake.address).parent_path()));
    std::cout << "[ figures  ] Shutdown to exit: "
              << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms\n";
}

// go-plugin's client opens the broker stream at start and holds it until it closes its
// connection, which it does only after Controller.Shutdown has answered.
struct HeldBrokerStream {
    explicit HeldBrokerStream(const std::shared_ptr<grpc::Channel>& channel)
        : stub(plugin::GRPCBroker::NewStub(channel)), stream(stub->StartStream(&context)) {}
    grpc::ClientContext context;
    std::unique_ptr<plugin::GRPCBroker::Stub> stub;
    std::unique_ptr<grpc::ClientReaderWriter<plugin::ConnInfo, plugin::ConnInfo>> stream;
};

// The end a held broker stream sees. CANCELLED is the server ending it as shutdown begins; a
// server that waited for it like a call would end it only when its grace ran out, with
// UNAVAILABLE ("Cancelling all calls").
grpc::Status EndOf(HeldBrokerStream& broker) {
    plugin::ConnInfo ignored;
    EXPECT_FALSE(broker.stream->Read(&ignored));
    return broker.stream->Finish();
}

TEST_F(Handshake, ShutdownEndsHeldBrokerStreamsAtOnceAndExits) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}});
    const auto channel = Connect(CheckedHandshake(plugin), client_);
    HeldBrokerStream first(channel);
    HeldBrokerStream second(channel);
    ASSERT_TRUE(CallGetProviderSchema(channel).ok());  // the streams have reached the server
    EXPECT_TRUE(CallShutdown(channel).ok());
    for (auto* broker : {&first, &second}) {
        const auto status = EndOf(*broker);
        EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED) << status.error_message();
    }
    const auto exit_code = plugin.Process().Wait(ExitBound(std::chrono::milliseconds(1500)));
    ASSERT_TRUE(exit_code) << "still running " << ExitBound(std::chrono::milliseconds(1500)).count()
                           << " ms after Shutdown";
    EXPECT_EQ(*exit_code, 0);
}

// SIGTERM (Terraform's or an init system's) ends the held broker stream at once too, while a call
// in flight still gets its grace to finish and answer.
TEST_F(Handshake, SigtermLetsTheCallInFlightAnswerAndEndsHeldStreams) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}});
    const auto channel = Connect(CheckedHandshake(plugin), client_);
    HeldBrokerStream broker(channel);
    auto stub = tfplugin6::Provider::NewStub(channel);
    tfplugin6::ConfigureProvider_Response configured;
    grpc::Status configure_status;
    std::thread slow_call([&] {
        grpc::ClientContext context;
        tfplugin6::ConfigureProvider_Request request;
        request.set_terraform_version("wait-for-stop");  // the test provider waits for StopProvider
        configure_status = stub->ConfigureProvider(&context, request, &configured);
    });
    ASSERT_TRUE(CallGetProviderSchema(channel).ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the call is under way
    plugin.Process().Signal(SIGTERM);
    slow_call.join();
    ASSERT_TRUE(configure_status.ok()) << configure_status.error_message();
    ASSERT_EQ(configured.diagnostics_size(), 1);
    EXPECT_EQ(configured.diagnostics(0).summary(), "Stopped");
    const auto status = EndOf(broker);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::CANCELLED) << status.error_message();
    const auto exit_code = plugin.Process().Wait(ExitBound(std::chrono::milliseconds(1500)));
    ASSERT_TRUE(exit_code) << "still running " << ExitBound(std::chrono::milliseconds(1500)).count()
                           << " ms after SIGTERM";
    EXPECT_EQ(*exit_code, 0);
}

TEST_F(Handshake, LongSocketDirectoryFallsBackToLoopbackTcp) {
    TempDir deep("sock");
    const auto long_dir = deep.Path() / std::string(120, 'd');
    std::filesystem::create_directories(long_dir);
    // A directory too long for a Unix socket address (at most 107 bytes).
    PluginUnderTest tcp_plugin(
        kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}, {"PLUGIN_UNIX_SOCKET_DIR", long_dir.string()}});
    const auto handshake = CheckedHandshake(tcp_plugin);
    EXPECT_EQ(handshake.network, "tcp");
    EXPECT_EQ(handshake.address.rfind("127.0.0.1:", 0), 0U) << handshake.address;
    EXPECT_TRUE(CallGetProviderSchema(Connect(handshake, client_)).ok());
}

TEST_F(Handshake, StopProviderInterruptsCallsInFlight) {
    PluginUnderTest plugin(kPlugin, {{"PLUGIN_CLIENT_CERT", client_.certificate_pem}});
    const auto channel = Connect(CheckedHandshake(plugin), client_);
    auto stub = tfplugin6::Provider::NewStub(channel);
    tfplugin6::ConfigureProvider_Response configured;
    grpc::Status configure_status;
    const auto started = Clock::now();
    std::thread slow_call([&] {
        grpc::ClientContext context;
        tfplugin6::ConfigureProvider_Request request;
        request.set_terraform_version("wait-for-stop");  // the test provider waits for StopProvider
        configure_status = stub->ConfigureProvider(&context, request, &configured);
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    grpc::ClientContext stop_context;
    tfplugin6::StopProvider_Response stopped;
    EXPECT_TRUE(stub->StopProvider(&stop_context, {}, &stopped).ok());
    slow_call.join();
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(2));
    ASSERT_TRUE(configure_status.ok());
    ASSERT_EQ(configured.diagnostics_size(), 1);
    EXPECT_EQ(configured.diagnostics(0).summary(), "Stopped");
    // Calls after the stop get a fresh token and run normally.
    EXPECT_TRUE(CallGetProviderSchema(channel).ok());
}

TEST(HandshakeRefusal, RunByHandPrintsAFriendlyMessageAndExits1) {
    ProcessOptions options;
    options.environment[std::string(handshake::kMagicCookieKey)] = std::nullopt;
    const auto result = test_support::RunProcess({kPlugin}, options);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("This binary is a plugin"), std::string::npos) << result.err;
}

TEST(HandshakeRefusal, ProtocolFiveOnlyIsAClearError) {
    ProcessOptions options;
    options.environment[std::string(handshake::kMagicCookieKey)] = std::string(handshake::kMagicCookieValue);
    options.environment["PLUGIN_PROTOCOL_VERSIONS"] = "5";
    const auto result = test_support::RunProcess({kPlugin}, options);
    EXPECT_EQ(result.exit_code, 1);
    EXPECT_TRUE(result.out.empty());
    EXPECT_NE(result.err.find("protocol 6"), std::string::npos) << result.err;
}

// Alive and not a zombie: an exited orphan waits for whoever adopted it to reap it, and that
// may take a while.
bool IsRunning(int pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(stat, line))
        return false;
    const auto after_name = line.rfind(')');
    return after_name != std::string::npos && after_name + 2 < line.size() && line[after_name + 2] != 'Z';
}

TEST(Lifecycle, PluginExitsWhenItsParentDies) {
    TempDir sockets("sock");
    ProcessOptions options;
    options.environment[std::string(handshake::kMagicCookieKey)] = std::string(handshake::kMagicCookieValue);
    options.environment["PLUGIN_UNIX_SOCKET_DIR"] = sockets.Path().string();
    // The shell starts the plugin, prints its pid, waits for its handshake line (so the plugin
    // has seen its parent alive, however slow the machine) and exits: the plugin is orphaned.
    const auto handshake = sockets.Path() / "handshake.txt";
    const auto result = test_support::RunProcess(
        {"sh",
         "-c",
         std::string("'") + kPlugin + "' >'" + handshake.string() + "' 2>/dev/null & echo $!; while [ ! -s '" +
             handshake.string() + "' ]; do sleep 0.02; done"},
        options);
    ASSERT_EQ(result.exit_code, 0);
    const int pid = std::stoi(result.out);
    // Generous for a loaded machine; the plugin looks at its parent every 200 ms.
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    while (IsRunning(pid) && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_FALSE(IsRunning(pid)) << "the orphaned plugin is still running";
}

}  // namespace
}  // namespace tfplugin::server
