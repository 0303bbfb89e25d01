#include "resources/iam_service_account_api_key/rotation.hpp"

#include "resources/common/values.hpp"
#include "tfplugin/framework/timeouts.hpp"
#include "tfplugin/framework/timestamp.hpp"

namespace provider {

namespace {

using tfplugin::framework::Timestamp;

// The time of the refresh that found the key due.
constexpr const char* kFoundDueAt = "rotation_due_at";

// Whether a key created at `created_text` is `rotate_after_text` old at `at`; nullopt when either
// is missing or malformed (validation reports a malformed duration).
std::optional<bool> OldEnough(const std::string& created_text, const std::string& rotate_after_text, Timestamp at) {
    const auto created = Timestamp::ParseRfc3339(created_text);
    const auto rotate_after = tfplugin::framework::ParseDuration(rotate_after_text);
    if (!created || !rotate_after)
        return std::nullopt;
    return std::chrono::seconds(at.seconds - created->seconds) >= *rotate_after;
}

}  // namespace

void RecordRotationCheck(tfplugin::framework::PrivateState& private_state,
                         const ApiKeyModel& state,
                         std::chrono::system_clock::time_point now) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
    const Timestamp refreshed{seconds.count(), 0};
    const bool due = OldEnough(TextOr(state.created_at), TextOr(state.rotate_after), refreshed) == true;
    private_state.Set(kFoundDueAt, due ? refreshed.ToRfc3339() : "");
}

bool FoundDue(const tfplugin::framework::PrivateState& private_state) {
    return private_state.Get(kFoundDueAt).has_value();
}

std::optional<std::string> RotationDue(const ApiKeyModel& planned,
                                       const tfplugin::framework::PrivateState& prior_private) {
    const auto refreshed_text = prior_private.Get(kFoundDueAt);
    const auto refreshed = refreshed_text ? Timestamp::ParseRfc3339(*refreshed_text) : std::nullopt;
    const auto rotate_after_text = TextOr(planned.rotate_after);
    const auto created_text = TextOr(planned.created_at);
    // The planned rotate_after decides, so one made longer since the refresh can undo it.
    if (!refreshed || OldEnough(created_text, rotate_after_text, *refreshed) != true)
        return std::nullopt;
    return "API key " + TextOr(planned.id) + " was created at " + created_text + ", at least rotate_after (" +
           rotate_after_text + ") before the refresh at " + *refreshed_text + ", so a new key replaces it.";
}

}  // namespace provider
