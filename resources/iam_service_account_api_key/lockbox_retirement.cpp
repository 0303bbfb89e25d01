#include "resources/iam_service_account_api_key/lockbox_retirement.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "resources/common/values.hpp"
#include "resources/iam_service_account_api_key/lockbox_output.hpp"

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
        const auto field_text = [&entry](const char* field) {
            return entry.contains(field) && entry[field].is_string() ? entry[field].get<std::string>() : "";
        };
        const auto secret = field_text("secretId");
        const auto version = field_text("versionId");
        if (!secret.empty() && !version.empty())
            versions.push_back({secret, version, entry.contains("confirmNewHome")});
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
    for (const auto& version : versions) {
        nlohmann::json entry = {{"secretId", version.secret_id}, {"versionId", version.version_id}};
        if (version.confirm_new_home)
            entry["confirmNewHome"] = true;
        document.push_back(std::move(entry));
    }
    private_state.Set(kEntry, document.dump());
}

std::vector<VersionToRetire> VersionsToRetire(const ApiKeyModel& state,
                                              const tfplugin::framework::PrivateState& private_state) {
    auto versions = VersionsToRetire(private_state);
    AddNamedVersion(state, false, versions);
    return versions;
}

void AddNamedVersion(const ApiKeyModel& state, bool confirm_new_home, std::vector<VersionToRetire>& versions) {
    const auto output = LockboxOutputOf(state.output_to_lockbox);
    const VersionToRetire named{
        output ? output->secret_id : "", TextOr(state.output_to_lockbox_version_id), confirm_new_home};
    if (output && !named.version_id.empty() && std::find(versions.begin(), versions.end(), named) == versions.end())
        versions.push_back(named);
}

void MarkKeyGone(tfplugin::framework::PrivateState& private_state) {
    private_state.Set(kKeyGone, "true");
}

void ClearKeyGone(tfplugin::framework::PrivateState& private_state) {
    private_state.Set(kKeyGone, "");
}

bool KeyGone(const tfplugin::framework::PrivateState& private_state) {
    return private_state.Get(kKeyGone).has_value();
}

void RetireVersions(ycloud::Client& client,
                    std::vector<VersionToRetire>& versions,
                    bool home_confirmed,
                    const ycloud::Context& context,
                    tfplugin::Diagnostics& diagnostics) {
    std::vector<VersionToRetire> remaining;
    for (const auto& version : versions) {
        if (version.confirm_new_home && !home_confirmed) {
            remaining.push_back(version);  // it may hold the only copy of the secret
            diagnostics.AddAttributeWarning(
                PathOf(&ApiKeyModel::output_to_lockbox),
                "Old Lockbox version kept",
                "Version " + version.version_id + " of Lockbox secret " + version.secret_id +
                    " is kept: the secret's new Lockbox version could not be read back yet, and the old one may "
                    "hold its only copy. The next apply tries again.");
            continue;
        }
        auto retired = RetireLockboxVersion(client, version.secret_id, version.version_id, context);
        if (retired)
            continue;
        remaining.push_back(version);
        diagnostics.AddAttributeError(PathOf(&ApiKeyModel::output_to_lockbox),
                                      "Cannot schedule an old Lockbox version for destruction",
                                      "Version " + version.version_id + " of Lockbox secret " + version.secret_id +
                                          " still holds a secret of this key: " + retired.GetError().ToString() +
                                          ". The provider remembers it and tries again on the next apply or destroy. "
                                          "If it keeps failing (the provider's account needs the lockbox.editor "
                                          "role on the secret), schedule it yourself with `yc lockbox secret "
                                          "schedule-version-destruction --id " +
                                          version.secret_id + " --version-id " + version.version_id +
                                          "`: the next attempt then finds it retired.");
    }
    versions = std::move(remaining);
}

}  // namespace provider
