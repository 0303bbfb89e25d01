#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tfplugin::server {

/// go-plugin's handshake as Terraform performs it (hashicorp/go-plugin server.go).
namespace handshake {

inline constexpr std::string_view kMagicCookieKey = "TF_PLUGIN_MAGIC_COOKIE";
inline constexpr std::string_view kMagicCookieValue =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
inline constexpr int kCoreProtocolVersion = 1;
inline constexpr int kPluginProtocolVersion = 6;

/// What go-plugin prints when a plugin binary is started by hand.
inline constexpr std::string_view kNotRunByTerraformMessage =
    "This binary is a plugin. These are not meant to be executed directly.\n"
    "Please execute the program that consumes these plugins, which will\n"
    "load any plugins automatically\n";

}  // namespace handshake

/// The parts of the environment the handshake depends on.
struct HandshakeEnvironment {
    std::optional<std::string> magic_cookie;
    std::optional<std::string> protocol_versions;  ///< PLUGIN_PROTOCOL_VERSIONS, e.g. "5,6"
    std::optional<std::string> client_cert_pem;    ///< PLUGIN_CLIENT_CERT: AutoMTLS is on
    std::optional<std::string> unix_socket_dir;    ///< PLUGIN_UNIX_SOCKET_DIR
    std::optional<std::string> unix_socket_group;  ///< PLUGIN_UNIX_SOCKET_GROUP
    std::optional<int> min_port;                   ///< PLUGIN_MIN_PORT, for the TCP fallback
    std::optional<int> max_port;                   ///< PLUGIN_MAX_PORT

    static HandshakeEnvironment FromProcess();
};

bool MagicCookieMatches(const HandshakeEnvironment& environment);

/// Picks protocol 6 from the versions Terraform offers. Without the variable go-plugin uses the
/// server's own version. Returns an error message for the user when 6 is not offered.
std::optional<std::string> CheckProtocolVersion(const HandshakeEnvironment& environment);

/// The one line printed on stdout: CORE|APP|NETWORK|ADDRESS|grpc|CERT.
std::string HandshakeLine(std::string_view network, std::string_view address, std::string_view certificate_base64);

}  // namespace tfplugin::server
