#include "resources/iam_service_account_api_key/rotation.hpp"

#include "resources/common/values.hpp"
#include "tfplugin/framework/timeouts.hpp"
#include "tfplugin/framework/timestamp.hpp"

namespace provider {

namespace {

using tfplugin::framework::Timestamp;

constexpr const char* kRefreshedAt = "refreshed_at";

}  // namespace

void RememberRefreshTime(tfplugin::framework::PrivateState& private_state, std::chrono::system_clock::time_point now) {
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
    private_state.Set(kRefreshedAt, Timestamp{seconds.count(), 0}.ToRfc3339());
}

void ForgetRefreshTime(tfplugin::framework::PrivateState& private_state) {
    private_state.Set(kRefreshedAt, "");
}

bool HasRefreshTime(const tfplugin::framework::PrivateState& private_state) {
    return private_state.Get(kRefreshedAt).has_value();
}

std::optional<std::string> RotationDue(const ApiKeyModel& planned,
                                       const tfplugin::framework::PrivateState& prior_private) {
    const auto refreshed_text = prior_private.Get(kRefreshedAt);
    const auto rotate_after_text = TextOr(planned.rotate_after);
    const auto created_text = TextOr(planned.created_at);
    if (!refreshed_text || rotate_after_text.empty() || created_text.empty())
        return std::nullopt;
    const auto refreshed = Timestamp::ParseRfc3339(*refreshed_text);
    const auto created = Timestamp::ParseRfc3339(created_text);
    const auto rotate_after = tfplugin::framework::ParseDuration(rotate_after_text);
    if (!refreshed || !created || !rotate_after)
        return std::nullopt;  // a malformed duration is validation's to report
    const auto age = std::chrono::seconds(refreshed->seconds - created->seconds);
    if (age < *rotate_after)
        return std::nullopt;
    return "API key " + TextOr(planned.id) + " was created at " + created_text + ", at least rotate_after (" +
           rotate_after_text + ") before the refresh at " + *refreshed_text + ", so a new key replaces it.";
}

}  // namespace provider
