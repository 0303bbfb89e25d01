#include "tfplugin/server/plugin_services.hpp"

#include <atomic>
#include <vector>

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

// One broker stream: reads until the client hangs up or the service ends it, whichever comes
// first. gRPC does not delete the reactor: OnDone, its last reaction, does.
class BrokerService::Stream final : public grpc::ServerBidiReactor<plugin::ConnInfo, plugin::ConnInfo> {
public:
    explicit Stream(BrokerService& service) : service_(service) { StartRead(&ignored_); }

    // Both the client's hang-up and the service's EndStreams end the stream, and a stream must be
    // finished exactly once.
    void End() {
        if (!finished_.exchange(true))
            Finish(grpc::Status::OK);
    }

    void OnReadDone(bool ok) override {
        if (ok) {
            StartRead(&ignored_);
        } else {
            End();
        }
    }

    void OnDone() override {
        service_.Forget(this);
        delete this;
    }

private:
    BrokerService& service_;
    plugin::ConnInfo ignored_;
    std::atomic<bool> finished_ = false;
};

grpc::ServerBidiReactor<plugin::ConnInfo, plugin::ConnInfo>* BrokerService::StartStream(
    grpc::CallbackServerContext* /*context*/) {
    auto* stream = new Stream(*this);
    std::lock_guard lock(mutex_);
    streams_.insert(stream);
    if (ended_)
        stream->End();
    return stream;
}

void BrokerService::EndStreams() {
    // Holding the lock keeps the streams alive: OnDone, which deletes one, takes the lock first.
    // gRPC runs a stream's OnDone on its own threads, but should it ever run it inside Finish on
    // this one, the lock is recursive and the loop walks a copy, not the set OnDone erases from.
    std::lock_guard lock(mutex_);
    ended_ = true;
    const std::vector<Stream*> open(streams_.begin(), streams_.end());
    for (auto* stream : open)
        stream->End();
}

void BrokerService::Forget(Stream* stream) {
    std::lock_guard lock(mutex_);
    streams_.erase(stream);
}

}  // namespace tfplugin::server
