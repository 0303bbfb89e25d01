#pragma once

#include "go_plugin.grpc.pb.h"
#include "tfplugin/server/lifecycle.hpp"

// go-plugin's own services, which its client expects next to the provider (hashicorp/go-plugin
// grpc_server.go). The health service comes from gRPC's built-in implementation.
namespace tfplugin::server {

/// Shutdown ends the process promptly, so Terraform never waits out its 2-second kill timeout.
class ControllerService final : public plugin::GRPCController::Service {
public:
    explicit ControllerService(Lifecycle& lifecycle) : lifecycle_(lifecycle) {}
    grpc::Status Shutdown(grpc::ServerContext* context, const plugin::Empty* request, plugin::Empty* response) override;

private:
    Lifecycle& lifecycle_;
};

/// go-plugin forwards a plugin's stdout/stderr through this stream. We never write to stdout
/// after the handshake and our logs reach Terraform through the stderr pipe, so the stream
/// ends at once, which the client takes as "nothing to forward".
class StdioService final : public plugin::GRPCStdio::Service {
public:
    grpc::Status StreamStdio(grpc::ServerContext* context,
                             const google::protobuf::Empty* request,
                             grpc::ServerWriter<plugin::StdioData>* writer) override;
};

/// The broker multiplexes extra connections for plugins that need them; a provider does not.
/// We read the client's messages until it hangs up, answering none.
class BrokerService final : public plugin::GRPCBroker::Service {
public:
    grpc::Status StartStream(grpc::ServerContext* context,
                             grpc::ServerReaderWriter<plugin::ConnInfo, plugin::ConnInfo>* stream) override;
};

}  // namespace tfplugin::server
