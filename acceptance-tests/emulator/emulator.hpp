#pragma once

#include <httplib.h>

#include <future>
#include <memory>
#include <set>
#include <string>

#include "acceptance-tests/emulator/connections.hpp"
#include "acceptance-tests/emulator/faults.hpp"
#include "acceptance-tests/emulator/request_pipeline.hpp"
#include "acceptance-tests/emulator/state.hpp"

namespace emulator {

/// How precisely a key's expiresAt is stored.
enum class TimestampPrecision {
    kNanos,    ///< as given, as google.protobuf.Timestamp keeps it
    kSeconds,  ///< truncated to whole seconds, to model an API that drops the fraction
};

struct Options {
    std::string seed_file;
    std::string state_file;
    int operation_delay_ms = 0;
    TimestampPrecision timestamp_precision = TimestampPrecision::kNanos;
    bool tls = false;
    std::string tls_cert_out;  ///< where the self-signed certificate is written, for clients to trust
    /// Where every secret the emulator hands out (IAM tokens, API key secrets) is appended, hex
    /// encoded, one per line: the tests' secret scan looks for them in every log. Empty: nowhere.
    std::string record_secrets_file;
};

/// What every route needs: the state, the options, and how the emulator calls itself.
struct Context {
    Store& store;
    const Options& options;
    std::string self_address;  ///< host:port, for /endpoints

    /// Checks `Authorization: Bearer <IAM token>` like every Yandex Cloud API; on failure the
    /// error is already in the response.
    bool Authorized(const httplib::Request& request, httplib::Response& response);
    /// The body as a JSON object holding only the allowed fields (the proto3 JSON gateway
    /// rejects unknown ones); on failure the error is already in the response.
    std::optional<nlohmann::json> Body(const httplib::Request& request,
                                       httplib::Response& response,
                                       const std::set<std::string>& allowed_fields);
    /// Runs a mutating handler at most once per Idempotency-Key: a repeated key gets the first
    /// successful answer again. The request pipeline holds the key while the request is handled,
    /// so a retry cannot run beside the first attempt.
    void Idempotent(const httplib::Request& request,
                    httplib::Response& response,
                    const std::function<void(httplib::Response&)>& handler);
    /// Records an operation and answers it (done at once, or after the configured delay).
    nlohmann::json StartOperation(State& state,
                                  const std::string& description,
                                  nlohmann::json metadata,
                                  nlohmann::json result_or_error,
                                  bool failed = false);
};

/// A route handler that first checks the caller's IAM token.
template <typename Handler>
httplib::Server::Handler Guarded(Context& context, Handler handler) {
    return [&context, handler](const httplib::Request& request, httplib::Response& response) {
        if (context.Authorized(request, response))
            handler(request, response);
    };
}

void RegisterIdentityRoutes(httplib::Server& server, Context& context);
void RegisterApiKeyRoutes(httplib::Server& server, Context& context);
void RegisterOperationRoutes(httplib::Server& server, Context& context);
void RegisterLockboxRoutes(httplib::Server& server, Context& context);
void RegisterKeybaseRoutes(httplib::Server& server, Context& context);
void RegisterAdminRoutes(httplib::Server& server, Context& context, Faults& faults, const Connections& connections);

/// The emulator: an HTTP(S) server on 127.0.0.1 standing in for Yandex Cloud.
class Emulator {
public:
    /// Loads the seed file; throws std::runtime_error saying what is wrong with it.
    explicit Emulator(Options options);
    ~Emulator();

    /// Binds (port 0: any free port) and serves in a background thread; returns the port, or -1
    /// with errno set when it cannot listen (a port already in use is refused, never shared).
    int Start(int port);
    /// Stops listening, lets the calls in flight be answered and closes every connection, idle
    /// kept-alive ones at once rather than when their idle timeout runs out.
    void Stop();
    [[nodiscard]] std::string BaseUrl() const;

private:
    Options options_;
    Store store_;
    Faults faults_;
    RequestPipeline pipeline_{store_, faults_};
    Connections connections_;
    std::unique_ptr<httplib::Server> server_;
    std::unique_ptr<Context> context_;
    std::thread thread_;
    std::future<void> stopped_;  ///< ready once the server thread has closed every connection
    int port_ = 0;
    std::string tls_key_path_;  ///< removed on destruction
};

}  // namespace emulator
