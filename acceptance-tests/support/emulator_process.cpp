#include "acceptance-tests/support/emulator_process.hpp"

#include <httplib.h>

#include <stdexcept>

#include "acceptance-tests/support/terraform.hpp"

namespace acceptance {

EmulatorProcess::EmulatorProcess() : directory_("emulator") {
    const nlohmann::json seed = {{"serviceAccounts", {kServiceAccount, kSecondServiceAccount}},
                                 {"oauthTokens", {kOAuthToken}},
                                 {"lockboxSecrets", {{{"id", kLockboxSecret}, {"entries", {{"existing", "kept"}}}}}}};
    const auto seed_path = directory_.Write("seed.json", seed.dump());
    process_ = std::make_unique<BackgroundProcess>(std::vector<std::string>{
        (ProviderBinaryDirectory() / "yc-emulator").string(), "--port", "0", "--seed", seed_path.string()});
    const auto line = process_->ReadLine(std::chrono::seconds(10));
    const std::string prefix = "listening on ";
    if (!line || line->rfind(prefix, 0) != 0) {
        throw std::runtime_error("yc-emulator did not start: " + process_->Stderr());
    }
    url_ = line->substr(prefix.size());
    port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
}

std::string EmulatorProcess::ProviderBlock() const {
    return "provider \"yandex\" {\n  endpoint  = \"127.0.0.1:" + std::to_string(port_) +
           "\"\n  plaintext = true\n  token     = \"" + kOAuthToken + "\"\n}\n\n";
}

nlohmann::json EmulatorProcess::State() const {
    httplib::Client client("127.0.0.1", port_);
    auto answer = client.Get("/admin/state");
    if (!answer)
        throw std::runtime_error("the emulator does not answer");
    return nlohmann::json::parse(answer->body);
}

void EmulatorProcess::DeleteKey(const std::string& id) const {
    httplib::Client client("127.0.0.1", port_);
    client.Delete(("/admin/apiKeys/" + id).c_str());
}

int EmulatorProcess::Probe(const std::string& secret, const std::string& scope) const {
    httplib::Client client("127.0.0.1", port_);
    auto answer =
        client.Get(("/probe?scope=" + scope).c_str(), httplib::Headers{{"Authorization", "Api-Key " + secret}});
    return answer ? answer->status : -1;
}

}  // namespace acceptance
