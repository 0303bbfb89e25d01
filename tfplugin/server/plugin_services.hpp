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
/// go-plugin's client opens the stream anyway and keeps it open until it closes its connection,
/// reading whatever comes; we read and ignore its messages. Unlike a call, the stream has no
/// work to finish, so EndStreams ends it (with OK) as soon as the plugin begins to shut down:
/// otherwise the server's shutdown would wait for the client to hang up, or for its deadline.
class BrokerService final : public plugin::GRPCBroker::CallbackService {
public:
    BrokerService() = default;
    BrokerService(const BrokerService&) = delete;
    BrokerService& operator=(const BrokerService&) = delete;

    grpc::ServerBidiReactor<plugin::ConnInfo, plugin::ConnInfo>* StartStream(
        grpc::CallbackServerContext* context) override;
    /// Ends the streams open now, and any that start afterwards, at once. Safe from any thread.
    void EndStreams();

private:
    class Stream;
    void Forget(Stream* stream);

    std::recursive_mutex mutex_;
    bool ended_ = false;
    std::set<Stream*> streams_;
};

}  // namespace tfplugin::server
