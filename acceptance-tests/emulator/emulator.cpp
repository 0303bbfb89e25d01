#include "acceptance-tests/emulator/emulator.hpp"

#include <chrono>
#include <stdexcept>

#include "acceptance-tests/emulator/idempotency.hpp"
#include "acceptance-tests/emulator/seed_file.hpp"
#include "acceptance-tests/emulator/timestamp.hpp"
#include "acceptance-tests/emulator/tls_certificate.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

namespace {

// Yandex Cloud's gateways answer any number of requests on one connection and keep an idle one
// open well beyond 5 s; httplib's defaults close a connection after 5 requests or 5 s idle, which
// makes clients reconnect where the cloud would let them reuse, and breaks the request of a client
// that sends just as the server gives up on the connection. 90 s idle is what Go's HTTP client
// allows itself; the request count is only finite because httplib wants a number.
constexpr std::size_t kKeepAliveMaxRequests = 1'000'000'000;
constexpr time_t kKeepAliveIdleSeconds = 90;

// How long Stop() lets connections close by themselves before it shuts the idle ones down.
constexpr std::chrono::milliseconds kStopGrace{100};

}  // namespace

bool Context::Authorized(const httplib::Request& request, httplib::Response& response) {
    const auto header = request.get_header_value("Authorization");
    if (header.rfind("Bearer ", 0) != 0) {
        SendError(response, kUnauthenticated, "The request is missing an Authorization: Bearer <IAM token> header");
        return false;
    }
    const auto token = header.substr(7);
    const bool valid = store.With([&token](State& state) {
        auto found = state.iam_tokens.find(token);
        return found != state.iam_tokens.end() && (found->second == 0 || found->second > NowEpochSeconds());
    });
    if (!valid) {
        SendError(response, kUnauthenticated, "The token is invalid or has expired");
    }
    return valid;
}

std::optional<nlohmann::json> Context::Body(const httplib::Request& request,
                                            httplib::Response& response,
                                            const std::set<std::string>& allowed_fields) {
    auto body = request.body.empty() ? nlohmann::json::object() : nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object()) {
        SendError(response, kInvalidArgument, "The request body is not a JSON object");
        return std::nullopt;
    }
    for (const auto& [field, value] : body.items()) {
        if (allowed_fields.count(field) == 0) {
            SendError(response, kInvalidArgument, "Unknown field \"" + field + "\" in the request body");
            return std::nullopt;
        }
    }
    return body;
}

void Context::Idempotent(const httplib::Request& request,
                         httplib::Response& response,
                         const std::function<void(httplib::Response&)>& handler) {
    const auto scope = IdempotencyScope(request);
    if (scope.empty()) {
        handler(response);
        return;
    }
    auto replay = store.With([&scope](State& state) -> std::optional<StoredResponse> {
        auto found = state.idempotent_responses.find(scope);
        if (found == state.idempotent_responses.end())
            return std::nullopt;
        return found->second;
    });
    if (replay) {
        response.status = replay->status;
        response.set_content(replay->body, "application/json");
        return;
    }
    handler(response);
    // Only a success is remembered: after a failure the client may try again with the same key.
    if (response.status >= 200 && response.status < 300) {
        store.Change([&](State& state) {
            state.idempotent_responses[scope] = StoredResponse{response.status, response.body};
            return 0;
        });
    }
}

nlohmann::json Context::StartOperation(State& state,
                                       const std::string& description,
                                       nlohmann::json metadata,
                                       nlohmann::json result_or_error,
                                       bool failed) {
    OperationRecord operation;
    operation.id = NewId("op1");
    operation.description = description;
    const auto now = NowTimestamp();
    operation.created_at = FormatRfc3339(now);
    operation.done_at = FormatRfc3339(PlusMilliseconds(now, options.operation_delay_ms));
    operation.done_at_ms = SteadyMilliseconds() + options.operation_delay_ms;
    operation.metadata = std::move(metadata);
    (failed ? operation.error : operation.response) = std::move(result_or_error);
    state.operations[operation.id] = operation;
    nlohmann::json answer = {{"id", operation.id},
                             {"description", description},
                             {"createdAt", operation.created_at},
                             {"createdBy", "emulator"},
                             {"modifiedAt", operation.created_at},
                             {"done", options.operation_delay_ms == 0},
                             {"metadata", operation.metadata}};
    if (options.operation_delay_ms == 0) {
        answer[failed ? "error" : "response"] = failed ? operation.error : operation.response;
    }
    return answer;
}

Emulator::Emulator(Options options) : options_(std::move(options)), store_(options_.state_file) {
    if (!options_.seed_file.empty()) {
        const auto seed = ReadSeedFile(options_.seed_file);
        store_.Change([&](State& state) {
            MergeSeed(state, seed, "seed file " + options_.seed_file);
            return 0;
        });
    }
    if (options_.tls) {
        const auto certificate = WriteSelfSignedCertificate(options_.tls_cert_out);
        server_ =
            std::make_unique<httplib::SSLServer>(certificate.certificate_path.c_str(), certificate.key_path.c_str());
    } else {
        server_ = std::make_unique<httplib::Server>();
    }
}

Emulator::~Emulator() {
    Stop();
}

int Emulator::Start(int port) {
    // httplib's default also sets SO_REUSEPORT, with which a second emulator on the same port
    // would silently share it; SO_REUSEADDR alone still allows a quick restart on the same port.
    // Debian's compiled httplib applies its default options too, so SO_REUSEPORT is switched off
    // explicitly rather than merely not set.
    server_->set_socket_options([](socket_t socket) {
        int yes = 1;
        int no = 0;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        setsockopt(socket, SOL_SOCKET, SO_REUSEPORT, &no, sizeof no);
    });
    // Answers go out as two writes (headers, then body): with Nagle's algorithm the body would
    // wait for the client's delayed ACK, 40 ms per request on loopback.
    server_->set_tcp_nodelay(true);
    server_->new_task_queue = [this] { return connections_.NewWorkers(); };
    server_->set_keep_alive_max_count(kKeepAliveMaxRequests);
    server_->set_keep_alive_timeout(kKeepAliveIdleSeconds);
    port_ = port == 0 ? server_->bind_to_any_port("127.0.0.1") : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
    if (port_ <= 0)
        return port_;
    context_ = std::make_unique<Context>(Context{store_, options_, "127.0.0.1:" + std::to_string(port_)});
    // Yandex Cloud's gateway refuses a body whose fields have the wrong JSON type or form (400
    // INVALID_ARGUMENT) before any handler sees it. The handlers read fields as they expect them,
    // so what they cannot read (nlohmann's type errors, std::stoll's) is answered the same way;
    // anything else a handler throws is a bug of the emulator and stays a 500.
    server_->set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const nlohmann::json::exception&) {
            SendError(response, kInvalidArgument, "The request body has a field of the wrong type or form");
        } catch (const std::invalid_argument&) {
            SendError(response, kInvalidArgument, "The request body has a field of the wrong type or form");
        } catch (const std::out_of_range&) {
            SendError(response, kInvalidArgument, "The request body has a field out of range");
        } catch (const std::exception& other) {
            response.status = 500;
            response.set_header("EXCEPTION_WHAT", other.what());
        }
    });
    server_->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        connections_.CallStarted(request);
        return pipeline_.Before(request, response);
    });
    server_->set_logger(
        [this](const httplib::Request& request, const httplib::Response&) { connections_.CallAnswered(request); });
    server_->set_post_routing_handler(
        [this](const httplib::Request& request, httplib::Response& response) { pipeline_.After(request, response); });
    RegisterIdentityRoutes(*server_, *context_);
    RegisterApiKeyRoutes(*server_, *context_);
    RegisterOperationRoutes(*server_, *context_);
    RegisterLockboxRoutes(*server_, *context_);
    RegisterKeybaseRoutes(*server_, *context_);
    RegisterAdminRoutes(*server_, *context_, faults_, connections_);
    std::promise<void> stopped;
    stopped_ = stopped.get_future();
    thread_ = std::thread([this, stopped = std::move(stopped)]() mutable {
        server_->listen_after_bind();
        stopped.set_value();
    });
    while (!server_->is_running())
        std::this_thread::yield();
    return port_;
}

void Emulator::Stop() {
    if (server_)
        server_->stop();
    if (!thread_.joinable())
        return;
    // httplib's stop() only closes the listening socket; its server thread then waits for every
    // worker, and a worker holding an idle kept-alive connection notices only when the client
    // sends or hangs up, or at the idle timeout, 90 s later. The connections of clients that have
    // gone close within a few milliseconds; idle ones still held open are shut down, and those
    // with a call in flight close once it is answered.
    if (stopped_.wait_for(kStopGrace) != std::future_status::ready)
        connections_.ShutDownIdle(port_);
    thread_.join();
}

std::string Emulator::BaseUrl() const {
    return std::string(options_.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

}  // namespace emulator
