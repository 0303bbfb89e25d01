#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "test_support/process.hpp"
#include "tfplugin/server/auto_mtls.hpp"
#include "tfplugin6.grpc.pb.h"

// Plays Terraform's part of the go-plugin handshake against a plugin binary, for the server's
// tests and benchmarks.
namespace tfplugin::server::testing_support {

using Clock = std::chrono::steady_clock;

/// The handshake line, taken apart. `problem` says what was wrong with it, if anything.
struct HandshakeLineParts {
    std::string core_version;
    std::string app_version;
    std::string network;
    std::string address;
    std::string protocol;
    std::string certificate_base64;
    std::string certificate_pem;  ///< empty without AutoMTLS
    std::string problem;
};

HandshakeLineParts ParseHandshakeLine(const std::string& line);

/// How to start the plugin when not directly: `wrapper` goes before the binary on the command
/// line (e.g. {"chroot", root}); `root`, when set, is the directory the plugin sees as "/".
/// Then the binary's path is the one the plugin sees, its socket directory is made inside the
/// root, and the handshake's unix socket address is translated to the path seen from here.
struct PluginLaunch {
    std::vector<std::string> wrapper;
    std::filesystem::path root;
};

/// A plugin started the way Terraform starts one: magic cookie, protocols "5,6", a private
/// socket directory; `environment` adds to or overrides that.
class PluginUnderTest {
public:
    PluginUnderTest(const std::string& binary,
                    std::map<std::string, std::optional<std::string>> environment,
                    const PluginLaunch& launch = {});
    PluginUnderTest(const PluginUnderTest&) = delete;
    PluginUnderTest& operator=(const PluginUnderTest&) = delete;
    ~PluginUnderTest();

    /// Reads the handshake line (waiting up to 10 s) and records how long it took from exec.
    HandshakeLineParts Handshake();
    test_support::BackgroundProcess& Process() { return *process_; }
    [[nodiscard]] Clock::duration HandshakeTime() const { return handshake_time_; }

private:
    std::filesystem::path root_;
    std::filesystem::path socket_parent_;  ///< as seen from here
    Clock::time_point started_;
    Clock::duration handshake_time_{};
    std::unique_ptr<test_support::BackgroundProcess> process_;
};

/// A channel to the plugin as go-plugin's client opens it: trusting only the certificate from
/// the handshake, checking the name localhost, presenting `client_certificate` if given.
std::shared_ptr<grpc::Channel> Connect(const HandshakeLineParts& handshake,
                                       const std::optional<ServerCertificate>& client_certificate);

grpc::Status CallGetProviderSchema(const std::shared_ptr<grpc::Channel>& channel,
                                   tfplugin6::GetProviderSchema_Response* response = nullptr);
grpc::Status CallShutdown(const std::shared_ptr<grpc::Channel>& channel);

}  // namespace tfplugin::server::testing_support
