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

grpc::Status BrokerService::StartStream(grpc::ServerContext* /*context*/,
                                        grpc::ServerReaderWriter<plugin::ConnInfo, plugin::ConnInfo>* stream) {
    plugin::ConnInfo ignored;
    while (stream->Read(&ignored)) {
    }
    return grpc::Status::OK;
}

}  // namespace tfplugin::server
