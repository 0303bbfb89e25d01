#include "tfplugin/server/plugin_services.hpp"

namespace tfplugin::server {

grpc::Status ControllerService::Shutdown(grpc::ServerContext* /*context*/,
                                         const plugin::Empty* /*request*/,
                                         plugin::Empty* /*response*/) {
    lifecycle_.RequestShutdown("Terraform asked the plugin to shut down");
    return grpc::Status::OK;
}

grpc::Status StdioService::StreamStdio(grpc::ServerContext* /*context*/,
                                       const google::protobuf::Empty* /*request*/,
                                       grpc::ServerWriter<plugin::StdioData>* /*writer*/) {
    return grpc::Status::OK;
}

grpc::Status BrokerService::StartStream(grpc::ServerContext* context,
                                        grpc::ServerReaderWriter<plugin::ConnInfo, plugin::ConnInfo>* stream) {
    {
        std::lock_guard lock(mutex_);
        if (ended_) {
            // As a stream cancelled by EndStreams ends: a stream whose handler starts only after
            // shutdown began must look no different to the client.
            return grpc::Status(grpc::StatusCode::CANCELLED, "the plugin is shutting down");
        }
        open_streams_.insert(context);
    }
    plugin::ConnInfo ignored;
    while (stream->Read(&ignored)) {
    }
    std::lock_guard lock(mutex_);
    open_streams_.erase(context);
    return grpc::Status::OK;
}

void BrokerService::EndStreams() {
    // Under the lock, so no stream can finish, and its context go, while it is being cancelled.
    std::lock_guard lock(mutex_);
    ended_ = true;
    for (auto* context : open_streams_) {
        context->TryCancel();
    }
}

}  // namespace tfplugin::server
