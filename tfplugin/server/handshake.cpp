#include "tfplugin/server/handshake.hpp"

#include <charconv>
#include <cstdlib>
#include <sstream>

namespace tfplugin::server {

namespace {

std::optional<std::string> Env(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr)
        return std::nullopt;
    return std::string(value);
}

std::optional<int> EnvInt(const char* name) {
    auto text = Env(name);
    int value = 0;
    if (!text || std::from_chars(text->data(), text->data() + text->size(), value).ec != std::errc()) {
        return std::nullopt;
    }
    return value;
}

std::string Trim(std::string text) {
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

}  // namespace

HandshakeEnvironment HandshakeEnvironment::FromProcess() {
    HandshakeEnvironment environment;
    environment.magic_cookie = Env("TF_PLUGIN_MAGIC_COOKIE");
    environment.protocol_versions = Env("PLUGIN_PROTOCOL_VERSIONS");
    environment.client_cert_pem = Env("PLUGIN_CLIENT_CERT");
    environment.unix_socket_dir = Env("PLUGIN_UNIX_SOCKET_DIR");
    environment.unix_socket_group = Env("PLUGIN_UNIX_SOCKET_GROUP");
    environment.min_port = EnvInt("PLUGIN_MIN_PORT");
    environment.max_port = EnvInt("PLUGIN_MAX_PORT");
    if (environment.client_cert_pem && environment.client_cert_pem->empty()) {
        environment.client_cert_pem.reset();
    }
    return environment;
}

bool MagicCookieMatches(const HandshakeEnvironment& environment) {
    return environment.magic_cookie == handshake::kMagicCookieValue;
}

std::optional<std::string> CheckProtocolVersion(const HandshakeEnvironment& environment) {
    if (!environment.protocol_versions || environment.protocol_versions->empty()) {
        return std::nullopt;
    }
    std::stringstream offered(*environment.protocol_versions);
    std::string item;
    while (std::getline(offered, item, ',')) {
        if (Trim(item) == std::to_string(handshake::kPluginProtocolVersion)) {
            return std::nullopt;
        }
    }
    return "This provider speaks Terraform plugin protocol " + std::to_string(handshake::kPluginProtocolVersion) +
           ", but the program that started it offers only protocol version(s) " + *environment.protocol_versions +
           ". Use Terraform 1.0 or newer, or OpenTofu.";
}

std::string HandshakeLine(std::string_view network, std::string_view address, std::string_view certificate_base64) {
    std::ostringstream line;
    line << handshake::kCoreProtocolVersion << '|' << handshake::kPluginProtocolVersion << '|' << network << '|'
         << address << "|grpc|" << certificate_base64;
    return line.str();
}

}  // namespace tfplugin::server
