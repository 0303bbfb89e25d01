#include "resources/iam_service_account_api_key/state_mapping.hpp"

#include <algorithm>

#include "resources/common/values.hpp"
#include "tfplugin/framework/timestamp.hpp"

namespace provider {

using tfplugin::Type;
using tfplugin::Value;
using tfplugin::framework::Timestamp;

bool HoldsPlaintextSecret(const ApiKeyModel& state) {
    return state.secret_key.IsKnown() && !state.secret_key.AsString().empty();
}

std::string NormaliseTimestamp(const std::string& text) {
    auto parsed = Timestamp::ParseRfc3339(text);
    if (!parsed)
        return text;
    parsed->nanos = 0;
    return parsed->ToRfc3339();
}

namespace {

// Digits after the decimal point of an RFC 3339 timestamp's seconds.
int FractionDigits(const std::string& text) {
    const auto dot = text.find('.');
    if (dot == std::string::npos)
        return 0;
    int digits = 0;
    for (auto i = dot + 1; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        ++digits;
    return digits;
}

}  // namespace

bool SameInstantAsReported(const std::string& written, const std::string& reported) {
    auto wanted = Timestamp::ParseRfc3339(written);
    const auto got = Timestamp::ParseRfc3339(reported);
    if (!wanted || !got)
        return false;
    int unit = 1;  // nanoseconds per last digit the API kept
    for (int digits = FractionDigits(reported); digits < 9; ++digits)
        unit *= 10;
    wanted->nanos -= wanted->nanos % unit;
    return *wanted == *got;
}

namespace {

// The cloud's scopes, in the order the state already had when they are the same set.
std::vector<std::string> ScopesInKnownOrder(const std::vector<std::string>& known, std::vector<std::string> actual) {
    auto sorted_known = known;
    auto sorted_actual = actual;
    std::sort(sorted_known.begin(), sorted_known.end());
    std::sort(sorted_actual.begin(), sorted_actual.end());
    return sorted_known == sorted_actual ? known : actual;
}

}  // namespace

void WriteApiKey(ApiKeyModel& state, const ycloud::ApiKey& key) {
    state.id = Value::String(key.id);
    state.service_account_id = Value::String(key.service_account_id);
    state.created_at = TextOrNull(NormaliseTimestamp(key.created_at));
    state.scope = TextOrNull(key.scope);
    state.description = TextOrNull(key.description);
    state.scopes = TextList(ScopesInKnownOrder(Texts(state.scopes), key.scopes));
    if (key.expires_at.empty()) {
        state.expires_at = Value::Null(Type::String());
    } else if (!SameInstantAsReported(TextOr(state.expires_at), key.expires_at)) {
        // Another instant than the state says (set outside Terraform): shown as the API has it.
        const auto reported = Timestamp::ParseRfc3339(key.expires_at);
        state.expires_at = Value::String(reported ? reported->ToRfc3339() : key.expires_at);
    }
}

}  // namespace provider
