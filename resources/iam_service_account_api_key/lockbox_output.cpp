#include "resources/iam_service_account_api_key/lockbox_output.hpp"

#include <algorithm>

#include "resources/common/values.hpp"
#include "resources/iam_service_account_api_key/model.hpp"

namespace provider {

namespace {

// Whether the version is past ACTIVE, for a destruction request that was refused.
bool AlreadyRetired(ycloud::Client& client,
                    const std::string& secret_id,
                    const std::string& version_id,
                    const ycloud::Context& context) {
    auto versions = client.Lockbox().ListVersions(secret_id, context);
    if (!versions)
        return false;
    const auto& all = versions.Value();
    const auto found =
        std::find_if(all.begin(), all.end(), [&](const ycloud::LockboxVersion& v) { return v.id == version_id; });
    return found == all.end() || found->status != "ACTIVE";
}

}  // namespace

std::optional<LockboxOutput> LockboxOutputOf(const tfplugin::Value& blocks) {
    if (!blocks.IsKnown() || blocks.Elements().empty())
        return std::nullopt;
    const auto& block = blocks.Elements().front();
    if (!block.IsKnown())
        return std::nullopt;
    return LockboxOutput{TextOr(block.Attribute(api_key_attribute::kLockboxSecretId)),
                         TextOr(block.Attribute(api_key_attribute::kLockboxEntryForSecretKey))};
}

LockboxWrite WriteToLockbox(ycloud::Client& client,
                            const LockboxOutput& output,
                            const ycloud::SecretString& secret,
                            const ycloud::Context& context) {
    // No base version: Lockbox starts from the current one, so the other entries stay.
    auto started = client.Lockbox().AddVersion(output.secret_id, {{output.entry_key, secret}}, "", context);
    if (!started)
        return {"", started.GetError()};
    LockboxWrite write;
    const auto& metadata = started.Value().metadata;
    if (metadata.is_object())
        write.version_id = metadata.value("versionId", "");
    auto done = client.Operations().WaitForOutcome(started.Value(), context);
    if (!done) {
        write.error = done.GetError();  // the version may exist: its id stays
        return write;
    }
    const auto& finished = done.Value();
    if (finished.error) {
        write.version_id.clear();  // Lockbox says the version was not made
        write.error = finished.error;
        return write;
    }
    if (finished.response && finished.response->is_object())
        write.version_id = finished.response->value("id", write.version_id);
    if (write.version_id.empty()) {
        write.error =
            ycloud::Error::Of(ycloud::GrpcCode::kInternal,
                              "Lockbox added a version to secret " + output.secret_id + " but did not say its id");
    }
    return write;
}

ycloud::Result<ycloud::SecretString> ReadFromLockbox(ycloud::Client& client,
                                                     const LockboxOutput& output,
                                                     const std::string& version_id,
                                                     const ycloud::Context& context) {
    auto payload = client.Lockbox().GetPayload(output.secret_id, version_id, context);
    if (!payload)
        return payload.GetError();
    const auto& entries = payload.Value().text_entries;
    const auto found = entries.find(output.entry_key);
    if (found == entries.end()) {
        return ycloud::Error::Of(ycloud::GrpcCode::kNotFound,
                                 "version " + version_id + " of Lockbox secret " + output.secret_id +
                                     " has no text entry \"" + output.entry_key + "\"");
    }
    return found->second;
}

ycloud::Result<ycloud::Done> RetireLockboxVersion(ycloud::Client& client,
                                                  const std::string& secret_id,
                                                  const std::string& version_id,
                                                  const ycloud::Context& context) {
    auto done = client.Operations().Finish(
        client.Lockbox().ScheduleVersionDestruction(secret_id, version_id, "", context), context);
    if (done || done.GetError().IsNotFound())
        return ycloud::Done{};
    if (done.GetError().code == ycloud::GrpcCode::kFailedPrecondition &&
        AlreadyRetired(client, secret_id, version_id, context)) {
        return ycloud::Done{};
    }
    return done.GetError();
}

}  // namespace provider
