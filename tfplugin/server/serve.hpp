#pragma once

#include <functional>
#include <memory>
#include <string>

#include "tfplugin/protocol/provider_server.hpp"

namespace tfplugin::server {

struct ServeOptions {
    /// The provider's source address, e.g. "registry.terraform.io/namespace/name"; used for
    /// the TF_REATTACH_PROVIDERS value printed in debug mode.
    std::string provider_address;
    /// Builds the provider once the process knows it will serve.
    std::function<std::unique_ptr<ProviderServer>()> make_provider;
};

/// Runs the plugin: checks the go-plugin handshake environment, serves tfplugin6 and go-plugin's
/// internal services over gRPC until Terraform shuts it down, and then ends the process with
/// status 0 without returning (sanitizer builds return 0 instead). Returns the exit code when
/// the plugin cannot start.
/// With `debug` it skips the handshake, serves without TLS and prints the TF_REATTACH_PROVIDERS
/// value to use, stopping on Ctrl-C.
int Serve(const ServeOptions& options, bool debug);

}  // namespace tfplugin::server
