#include "acceptance-tests/fault_matrix/cloud.hpp"

#include <absl/strings/escaping.h>
#include <httplib.h>

#include <stdexcept>

#include "test_support/temp_dir.hpp"

namespace fault_matrix {

namespace {

using nlohmann::json;

void Collect(const json& attributes, StateView& view) {
    if (attributes.contains("id") && attributes["id"].is_string())
        view.keys.insert(attributes["id"].get<std::string>());
    const auto version = attributes.value("output_to_lockbox_version_id", json());
    const auto blocks = attributes.value("output_to_lockbox", json::array());
    if (version.is_string() && !version.get<std::string>().empty() && blocks.is_array() && !blocks.empty())
        view.versions.insert(blocks[0].value("secret_id", "") + "/" + version.get<std::string>());
    else if (version.is_string() && !version.get<std::string>().empty())
        view.versions.insert("?/" + version.get<std::string>());  // a version without its block
}

std::string DecodeBase64(const std::string& text) {
    std::string bytes;
    return absl::Base64Unescape(text, &bytes) ? bytes : "";
}

// The fault matcher's pattern for a path the provider called: ids of keys and operations vary
// from run to run, secrets are the seed's.
std::string Pattern(const std::string& path) {
    for (const std::string prefix : {"/iam/v1/apiKeys/", "/operations/"}) {
        if (path.rfind(prefix, 0) == 0)
            return prefix + "*";
    }
    return path;
}

bool Matches(const std::string& method_and_path, const Call& call) {
    const auto space = method_and_path.find(' ');
    const auto method = method_and_path.substr(0, space);
    const auto path = method_and_path.substr(space + 1);
    if (method != call.method)
        return false;
    if (!call.path.empty() && call.path.back() == '*')
        return path.rfind(call.path.substr(0, call.path.size() - 1), 0) == 0;
    return path == call.path;
}

// Named by the attributes, or remembered in the private data (to be retired by the next apply):
// either way the state knows the version, and Terraform will not lose it.
bool KnownToState(const std::string& secret, const std::string& version, const StateView& state) {
    return state.versions.count(secret + "/" + version) != 0 || state.versions.count("?/" + version) != 0 ||
           state.private_data.find(version) != std::string::npos;
}

}  // namespace

StateView ReadState(const acceptance::TerraformWorkspace& workspace) {
    StateView view;
    const auto file = workspace.Directory() / "terraform.tfstate";
    if (!std::filesystem::exists(file))
        return view;
    const auto state = json::parse(test_support::ReadFile(file), nullptr, false);
    if (state.is_discarded())
        throw std::runtime_error("terraform.tfstate is not JSON");
    for (const auto& resource : state.value("resources", json::array())) {
        for (const auto& instance : resource.value("instances", json::array())) {
            Collect(instance.value("attributes", json::object()), view);
            if (instance.contains("private") && instance["private"].is_string())
                view.private_data += DecodeBase64(instance["private"].get<std::string>()) + "\n";
        }
    }
    return view;
}

VersionIds AllVersions(const json& cloud) {
    VersionIds ids;
    for (const auto& secret : cloud["lockboxSecrets"]) {
        for (const auto& version : secret["versions"])
            ids.insert(secret["id"].get<std::string>() + "/" + version["id"].get<std::string>());
    }
    return ids;
}

std::set<std::string> OrphanKeys(const json& cloud, const StateView& state, const std::string& outside) {
    std::set<std::string> orphans;
    for (const auto& key : cloud["apiKeys"]) {
        const auto id = key["id"].get<std::string>();
        if (state.keys.count(id) == 0 && id != outside)
            orphans.insert(id);
    }
    return orphans;
}

std::set<std::string> UntrackedVersions(const json& cloud, const VersionIds& seeded, const StateView& state) {
    std::set<std::string> untracked;
    for (const auto& secret : cloud["lockboxSecrets"]) {
        const auto secret_id = secret["id"].get<std::string>();
        for (const auto& version : secret["versions"]) {
            const auto version_id = version["id"].get<std::string>();
            if (version.value("status", "") == "ACTIVE" && seeded.count(secret_id + "/" + version_id) == 0 &&
                !KnownToState(secret_id, version_id, state))
                untracked.insert(secret_id + "/" + version_id);
        }
    }
    return untracked;
}

std::map<std::string, int> StepCalls(const json& before, const json& after) {
    std::map<std::string, int> calls;
    for (const auto& [call, count] : after["callCounts"].items()) {
        const int made = count.get<int>() - before["callCounts"].value(call, 0);
        if (made <= 0)
            continue;
        const auto space = call.find(' ');
        calls[call.substr(0, space) + " " + Pattern(call.substr(space + 1))] += made;
    }
    return calls;
}

int MatchingCalls(const json& before, const json& after, const Call& call) {
    int made = 0;
    for (const auto& [name, count] : after["callCounts"].items()) {
        if (Matches(name, call))
            made += count.get<int>() - before["callCounts"].value(name, 0);
    }
    return made;
}

std::string CreateKeyOutsideTerraform(const acceptance::EmulatorProcess& emulator) {
    httplib::Client client("127.0.0.1", emulator.Port());
    const json exchange = {{"yandexPassportOauthToken", acceptance::EmulatorProcess::kOAuthToken}};
    auto token = client.Post("/iam/v1/tokens", exchange.dump(), "application/json");
    if (!token || token->status != 200)
        throw std::runtime_error("the emulator did not issue an IAM token");
    const auto iam_token = json::parse(token->body)["iamToken"].get<std::string>();
    const json create = {{"serviceAccountId", acceptance::EmulatorProcess::kServiceAccount},
                         {"description", "made outside Terraform"}};
    auto created = client.Post("/iam/v1/apiKeys",
                               httplib::Headers{{"Authorization", "Bearer " + iam_token}},
                               create.dump(),
                               "application/json");
    if (!created || created->status != 200)
        throw std::runtime_error("the emulator did not create the key to import");
    return json::parse(created->body)["apiKey"]["id"].get<std::string>();
}

}  // namespace fault_matrix
