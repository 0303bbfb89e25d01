#pragma once

#include <mutex>
#include <set>

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
/// We read the client's messages, answering none, until the client hangs up or the plugin shuts
/// down. go-plugin's client holds its stream open until it closes the connection, and the
/// server's shutdown would wait for such a stream as for a call, the whole grace long; EndStreams
/// cancels them, so the grace is left to calls that do work.
class BrokerService final : public plugin::GRPCBroker::Service {
public:
    grpc::Status StartStream(grpc::ServerContext* context,
                             grpc::ServerReaderWriter<plugin::ConnInfo, plugin::ConnInfo>* stream) override;

    /// Cancels the streams open now; streams opened later end at once, CANCELLED too.
    void EndStreams();

private:
    std::mutex mutex_;
    bool ended_ = false;
    std::set<grpc::ServerContext*> open_streams_;
};

}  // namespace tfplugin::server
