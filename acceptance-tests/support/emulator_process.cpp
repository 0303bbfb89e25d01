#include "acceptance-tests/support/emulator_process.hpp"

#include <httplib.h>

#include <fstream>
#include <stdexcept>

#include "acceptance-tests/support/terraform.hpp"
#include "test_support/trace_capture.hpp"

namespace acceptance {

using test_support::BackgroundProcess;
using test_support::NewTraceFile;
using test_support::RecordSecret;
using test_support::TraceDirectory;

EmulatorProcess::EmulatorProcess(const std::vector<std::string>& arguments) : directory_("emulator") {
    const nlohmann::json seed = {{"serviceAccounts", {kServiceAccount, kSecondServiceAccount}},
                                 {"oauthTokens", {kOAuthToken}},
                                 {"lockboxSecrets",
                                  {{{"id", kLockboxSecret}, {"entries", {{"existing", "kept"}}}},
                                   {{"id", kSecondLockboxSecret}, {"entries", {{"other", "value"}}}}}}};
    const auto seed_path = directory_.Write("seed.json", seed.dump());
    std::vector<std::string> argv{
        (ProviderBinaryDirectory() / "yc-emulator").string(), "--port", "0", "--seed", seed_path.string()};
    if (TraceDirectory()) {
        RecordSecret(kOAuthToken);
        argv.insert(argv.end(), {"--record-secrets", NewTraceFile("secrets-emulator", ".hex").string()});
    }
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    process_ = std::make_unique<BackgroundProcess>(argv);
    const auto line = process_->ReadLine(std::chrono::seconds(10));
    const std::string prefix = "listening on ";
    if (!line || line->rfind(prefix, 0) != 0) {
        throw std::runtime_error("yc-emulator did not start: " + process_->Stderr());
    }
    url_ = line->substr(prefix.size());
    port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
}

EmulatorProcess::~EmulatorProcess() {
    if (TraceDirectory() && process_)
        std::ofstream(NewTraceFile("emulator")) << process_->Stderr();
}

std::string EmulatorProcess::ProviderBlock(const std::string& extra) const {
    return "provider \"yandex\" {\n  endpoint  = \"127.0.0.1:" + std::to_string(port_) +
           "\"\n  plaintext = true\n  token     = \"" + kOAuthToken + "\"\n" + extra +
           "  endpoints {\n    keybase = \"127.0.0.1:" + std::to_string(port_) + "\"\n  }\n}\n\n";
}

std::map<std::string, std::string> EmulatorProcess::ProviderEnvironment() const {
    const auto address = "127.0.0.1:" + std::to_string(port_);
    std::map<std::string, std::string> environment{
        {"YC_ENDPOINT", address}, {"YC_TOKEN", kOAuthToken}, {"YC_KEYBASE_ENDPOINT", address}};
    // Started with --tls, the emulator speaks HTTPS as the cloud does, and the provider must
    // verify its certificate.
    if (!Tls())
        environment["YC_PLAINTEXT"] = "true";
    return environment;
}

// The tests' own line to the emulator's admin API; over TLS it skips verification, which is
// the provider's part to prove, not the harness's.
httplib::Client EmulatorProcess::AdminClient() const {
    httplib::Client client(url_);
    client.enable_server_certificate_verification(false);
    return client;
}

nlohmann::json EmulatorProcess::State() const {
    auto client = AdminClient();
    auto answer = client.Get("/admin/state");
    if (!answer)
        throw std::runtime_error("the emulator does not answer");
    return nlohmann::json::parse(answer->body);
}

int EmulatorProcess::PeakApiKeys() const {
    return State().at("peakApiKeys").get<int>();
}

int EmulatorProcess::ApiKeysCreated() const {
    return State().at("apiKeysCreated").get<int>();
}

int EmulatorProcess::ConnectionsAccepted() const {
    return State().at("connectionsAccepted").get<int>();
}

void EmulatorProcess::DeleteKey(const std::string& id) const {
    auto client = AdminClient();
    client.Delete(("/admin/apiKeys/" + id).c_str());
}

void EmulatorProcess::PostAdmin(const std::string& path, const nlohmann::json& body) const {
    auto client = AdminClient();
    auto answer = client.Post(path, body.dump(), "application/json");
    if (!answer || answer->status != 200)
        throw std::runtime_error("the emulator refused POST " + path);
}

void EmulatorProcess::Fault(const nlohmann::json& fault) const {
    PostAdmin("/admin/faults", fault);
}

void EmulatorProcess::ClearFaults() const {
    auto client = AdminClient();
    client.Delete("/admin/faults");
}

void EmulatorProcess::Seed(const nlohmann::json& seed) const {
    PostAdmin("/admin/seed", seed);
}

std::optional<std::string> EmulatorProcess::LockboxEntry(const std::string& secret_id,
                                                         const std::string& version_id,
                                                         const std::string& key) const {
    auto client = AdminClient();
    const nlohmann::json exchange = {{"yandexPassportOauthToken", kOAuthToken}};
    auto token = client.Post("/iam/v1/tokens", exchange.dump(), "application/json");
    if (!token || token->status != 200)
        throw std::runtime_error("the emulator did not issue an IAM token");
    const auto iam_token = nlohmann::json::parse(token->body)["iamToken"].get<std::string>();
    auto payload = client.Get(("/lockbox/v1/secrets/" + secret_id + "/payload?versionId=" + version_id).c_str(),
                              httplib::Headers{{"Authorization", "Bearer " + iam_token}});
    if (!payload || payload->status != 200)
        return std::nullopt;
    const auto answer = nlohmann::json::parse(payload->body);  // outlives the loop, unlike a temporary
    for (const auto& entry : answer["entries"]) {
        if (entry["key"] == key)
            return entry["textValue"].get<std::string>();
    }
    return std::nullopt;
}

std::string EmulatorProcess::LockboxVersionStatus(const std::string& secret_id, const std::string& version_id) const {
    const auto state = State();  // outlives the loop, unlike a temporary
    for (const auto& secret : state["lockboxSecrets"]) {
        if (secret["id"] != secret_id)
            continue;
        for (const auto& version : secret["versions"]) {
            if (version["id"] == version_id)
                return version["status"];
        }
    }
    return "";
}

int EmulatorProcess::Probe(const std::string& secret, const std::string& scope) const {
    auto client = AdminClient();
    auto answer =
        client.Get(("/probe?scope=" + scope).c_str(), httplib::Headers{{"Authorization", "Api-Key " + secret}});
    return answer ? answer->status : -1;
}

}  // namespace acceptance
