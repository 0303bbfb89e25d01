#include "tfplugin/server/plugin_services.hpp"

#include <atomic>
#include <vector>

namespace tfplugin::server {

namespace {

// Answers Controller.Shutdown, and asks for the shutdown only in OnDone, which gRPC calls once
// all of the call's operations have completed, sending the answer included: the shutdown may
// then close the connection without cutting the answer off.
class ShutdownAnswer final : public grpc::ServerUnaryReactor {
public:
    explicit ShutdownAnswer(Lifecycle& lifecycle) : lifecycle_(lifecycle) { Finish(grpc::Status::OK); }

    void OnDone() override {
        lifecycle_.RequestShutdown("Terraform asked the plugin to shut down", /*client_done=*/true);
        delete this;
    }

private:
    Lifecycle& lifecycle_;
};

}  // namespace

grpc::ServerUnaryReactor* ControllerService::Shutdown(grpc::CallbackServerContext* /*context*/,
                                                      const plugin::Empty* /*request*/,
                                                      plugin::Empty* /*response*/) {
    return new ShutdownAnswer(lifecycle_);
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
    // The headers go out at once, so a client can tell that the stream is open on this side.
    explicit Stream(BrokerService& service) : service_(service) {
        StartSendInitialMetadata();
        StartRead(&ignored_);
    }

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

void BrokerService::EndStreams(std::chrono::steady_clock::time_point deadline) {
    // Holding the lock keeps the streams alive: OnDone, which deletes one, takes the lock first.
    // gRPC runs a stream's OnDone on its own threads, but should it ever run it inside Finish on
    // this one, the lock is recursive and the loop walks a copy, not the set OnDone erases from.
    std::unique_lock lock(mutex_);
    ended_ = true;
    const std::vector<Stream*> open(streams_.begin(), streams_.end());
    for (auto* stream : open)
        stream->End();
    // OnDone comes once the stream's end has been written to the connection (the server resets
    // a stream the client still holds once it has sent the end), so a shutdown that closes the
    // connections right after this cannot turn the clean end into a cancellation.
    forgotten_.wait_until(lock, deadline, [this] { return streams_.empty(); });
}

void BrokerService::Forget(Stream* stream) {
    {
        std::lock_guard lock(mutex_);
        streams_.erase(stream);
    }
    forgotten_.notify_all();
}

}  // namespace tfplugin::server
