#include "resources/iam_service_account_api_key/state_mapping.hpp"

#include <algorithm>

#include "tfplugin/framework/timestamp.hpp"

namespace provider {

using tfplugin::Type;
using tfplugin::Value;
using tfplugin::framework::Timestamp;

Value StringOrNull(const std::string& text) {
    return text.empty() ? Value::Null(Type::String()) : Value::String(text);
}

std::string StringOf(const Value& object, const std::string& name) {
    const auto& value = object.Attribute(name);
    return value.IsKnown() ? value.AsString() : std::string();
}

bool HoldsPlaintextSecret(const Value& state) {
    const auto& secret_key = state.Attribute("secret_key");
    return secret_key.IsKnown() && !secret_key.AsString().empty();
}

std::vector<std::string> StringsOf(const Value& object, const std::string& name) {
    std::vector<std::string> items;
    const auto& value = object.Attribute(name);
    if (!value.IsKnown())
        return items;
    for (const auto& element : value.Elements()) {
        if (element.IsKnown())
            items.push_back(element.AsString());
    }
    return items;
}

Value StringList(const std::vector<std::string>& items) {
    std::vector<Value> values;
    values.reserve(items.size());
    for (const auto& item : items)
        values.push_back(Value::String(item));
    return Value::List(Type::String(), std::move(values));
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

Value WithApiKey(const Value& state, const ycloud::ApiKey& key) {
    auto result = state.WithAttribute("id", Value::String(key.id))
                      .WithAttribute("service_account_id", Value::String(key.service_account_id))
                      .WithAttribute("created_at", StringOrNull(NormaliseTimestamp(key.created_at)))
                      .WithAttribute("scope", StringOrNull(key.scope))
                      .WithAttribute("description", StringOrNull(key.description));
    result = result.WithAttribute("scopes", StringList(ScopesInKnownOrder(StringsOf(state, "scopes"), key.scopes)));
    const auto written = StringOf(state, "expires_at");
    if (key.expires_at.empty()) {
        result = result.WithAttribute("expires_at", Value::Null(Type::String()));
    } else if (!SameInstantAsReported(written, key.expires_at)) {
        // Another instant than the state says (set outside Terraform): shown as the API has it.
        const auto reported = Timestamp::ParseRfc3339(key.expires_at);
        result = result.WithAttribute("expires_at", Value::String(reported ? reported->ToRfc3339() : key.expires_at));
    }
    return result;
}

}  // namespace provider
