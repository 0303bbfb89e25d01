#include "client/auth/token_sources.hpp"

#include <algorithm>

#include "client/timestamp.hpp"

namespace ycloud::auth {

namespace {

constexpr auto kRefreshAfter = std::chrono::hours(1);
constexpr auto kRefreshBeforeExpiry = std::chrono::minutes(5);

}  // namespace

CachingTokenSource::CachingTokenSource(Fetch fetch, Now now) : fetch_(std::move(fetch)), now_(std::move(now)) {}

Result<SecretString> CachingTokenSource::IamToken(const Context& context) {
    std::lock_guard lock(mutex_);
    const auto now = now_();
    if (cached_ && now < refresh_at_) {
        return cached_->value;
    }
    auto fetched = fetch_(context);
    if (!fetched) {
        // A token that is still valid beats an error: keep using it until it really expires.
        if (cached_ && now < cached_->expires_at)
            return cached_->value;
        return fetched.GetError();
    }
    cached_ = std::move(fetched).Value();
    refresh_at_ = std::min(now + kRefreshAfter, cached_->expires_at - kRefreshBeforeExpiry);
    return cached_->value;
}

bool LooksLikeIamToken(std::string_view token) {
    return token.substr(0, 3) == "t1." && std::count(token.begin(), token.end(), '.') == 2;
}

Result<auth::IamToken> ParseIamTokenResponse(const nlohmann::json& answer) {
    Error error;
    error.code = GrpcCode::kInternal;
    if (!answer.is_object() || !answer.contains("iamToken") || !answer["iamToken"].is_string()) {
        error.message = "the IAM token answer has no iamToken";
        return error;
    }
    const auto expires = answer.contains("expiresAt") && answer["expiresAt"].is_string()
                             ? ParseApiTimestamp(answer["expiresAt"].get<std::string>())
                             : std::nullopt;
    if (!expires) {
        error.message = "the IAM token answer has no valid expiresAt";
        return error;
    }
    return auth::IamToken{SecretString(answer["iamToken"].get_ref<const std::string&>()), *expires};
}

}  // namespace ycloud::auth
