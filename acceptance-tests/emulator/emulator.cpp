#include "acceptance-tests/emulator/emulator.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "acceptance-tests/emulator/tls_certificate.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

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
    const auto key = request.get_header_value("Idempotency-Key");
    const auto stored_key = request.method + " " + request.path + " " + key;
    if (!key.empty()) {
        auto replay = store.With([&](State& state) -> std::optional<StoredResponse> {
            auto found = state.idempotent_responses.find(stored_key);
            if (found == state.idempotent_responses.end())
                return std::nullopt;
            return found->second;
        });
        if (replay) {
            response.status = replay->status;
            response.set_content(replay->body, "application/json");
            return;
        }
    }
    handler(response);
    if (!key.empty() && response.status >= 200 && response.status < 300) {
        store.Change([&](State& state) {
            state.idempotent_responses[stored_key] = StoredResponse{response.status, response.body};
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
    operation.created_at = NowRfc3339();
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
        std::ifstream file(options_.seed_file);
        std::stringstream content;
        content << file.rdbuf();
        const auto seed = nlohmann::json::parse(content.str());
        store_.Change([&seed](State& state) {
            state.Merge(seed);
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
    port_ = port == 0 ? server_->bind_to_any_port("127.0.0.1") : (server_->bind_to_port("127.0.0.1", port) ? port : -1);
    if (port_ <= 0)
        return port_;
    context_ = std::make_unique<Context>(Context{store_, options_, "127.0.0.1:" + std::to_string(port_)});
    server_->set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
        if (request.path.rfind("/admin/", 0) == 0)
            return httplib::Server::HandlerResponse::Unhandled;
        store_.Change([&request](State& state) {
            state.user_agents.insert(request.get_header_value("User-Agent"));
            return ++state.call_counts[request.method + " " + request.path];
        });
        if (auto fault = faults_.Take(request.method, request.path); fault && Faults::Apply(*fault, response)) {
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    RegisterIdentityRoutes(*server_, *context_);
    RegisterApiKeyRoutes(*server_, *context_);
    RegisterOperationRoutes(*server_, *context_);
    RegisterLockboxRoutes(*server_, *context_);
    RegisterKeybaseRoutes(*server_, *context_);
    RegisterAdminRoutes(*server_, *context_, faults_);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running())
        std::this_thread::yield();
    return port_;
}

void Emulator::Stop() {
    if (server_)
        server_->stop();
    if (thread_.joinable())
        thread_.join();
}

std::string Emulator::BaseUrl() const {
    return std::string(options_.tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

}  // namespace emulator
