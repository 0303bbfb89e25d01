#include "resources/iam_service_account_api_key/lockbox_retirement.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "resources/iam_service_account_api_key/lockbox_output.hpp"
#include "resources/iam_service_account_api_key/state_mapping.hpp"

namespace provider {

namespace {

// The private state's entries; renaming one would forget what earlier versions remembered.
constexpr const char* kEntry = "lockbox_versions_to_retire";
constexpr const char* kKeyGone = "api_key_deleted_outside_terraform";

}  // namespace

std::vector<VersionToRetire> VersionsToRetire(const tfplugin::framework::PrivateState& private_state) {
    std::vector<VersionToRetire> versions;
    const auto text = private_state.Get(kEntry);
    if (!text)
        return versions;
    const auto document = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
    if (!document.is_array())
        return versions;
    for (const auto& entry : document) {
        if (!entry.is_object())
            continue;
        const auto secret = entry.value("secretId", std::string());
        const auto version = entry.value("versionId", std::string());
        if (!secret.empty() && !version.empty())
            versions.push_back({secret, version});
    }
    return versions;
}

void RememberVersionsToRetire(tfplugin::framework::PrivateState& private_state,
                              const std::vector<VersionToRetire>& versions) {
    if (versions.empty()) {
        private_state.Set(kEntry, "");
        return;
    }
    auto document = nlohmann::json::array();
    for (const auto& version : versions)
        document.push_back({{"secretId", version.secret_id}, {"versionId", version.version_id}});
    private_state.Set(kEntry, document.dump());
}

std::vector<VersionToRetire> VersionsToRetire(const tfplugin::Value& state,
                                              const tfplugin::framework::PrivateState& private_state) {
    auto versions = VersionsToRetire(private_state);
    const auto output = LockboxOutputOf(state);
    const VersionToRetire named{output ? output->secret_id : "", StringOf(state, "output_to_lockbox_version_id")};
    if (output && !named.version_id.empty() && std::find(versions.begin(), versions.end(), named) == versions.end())
        versions.push_back(named);
    return versions;
}

void MarkKeyGone(tfplugin::framework::PrivateState& private_state) {
    private_state.Set(kKeyGone, "true");
}

bool KeyGone(const tfplugin::framework::PrivateState& private_state) {
    return private_state.Get(kKeyGone).has_value();
}

void RetireVersions(ycloud::Client& client,
                    std::vector<VersionToRetire>& versions,
                    const ycloud::Context& context,
                    tfplugin::Diagnostics& diagnostics) {
    std::vector<VersionToRetire> remaining;
    for (const auto& version : versions) {
        auto retired = RetireLockboxVersion(client, version.secret_id, version.version_id, context);
        if (retired)
            continue;
        remaining.push_back(version);
        diagnostics.AddAttributeError(tfplugin::AttributePath::Root("output_to_lockbox"),
                                      "Cannot schedule an old Lockbox version for destruction",
                                      "Version " + version.version_id + " of Lockbox secret " + version.secret_id +
                                          " still holds a secret of this key: " + retired.GetError().ToString() +
                                          ". The provider remembers it and tries again on the next apply or destroy.");
    }
    versions = std::move(remaining);
}

}  // namespace provider
