#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>

#include "client/rest_client.hpp"

namespace ycloud::auth {

using SystemClock = std::chrono::system_clock;

struct IamToken {
    SecretString value;
    SystemClock::time_point expires_at;
};

/// An IAM token given by the user (`t1.…`): used as is, never refreshed.
class StaticTokenSource final : public TokenSource {
public:
    explicit StaticTokenSource(SecretString token) : token_(std::move(token)) {}
    Result<SecretString> IamToken(const Context& /*context*/) override { return token_; }
    [[nodiscard]] bool TokensAreVerified() const override { return false; }

private:
    SecretString token_;
};

/// Fetches IAM tokens with `fetch` and keeps one per process: concurrent callers wait for a
/// single exchange, and a token is replaced before it expires (an hour after it was fetched at
/// the latest, as Yandex Cloud recommends, or five minutes before its expiry).
class CachingTokenSource final : public TokenSource {
public:
    using Fetch = std::function<Result<auth::IamToken>(const Context&)>;
    using Now = std::function<SystemClock::time_point()>;

    explicit CachingTokenSource(Fetch fetch, Now now = &SystemClock::now);
    Result<SecretString> IamToken(const Context& context) override;

private:
    Fetch fetch_;
    Now now_;
    std::mutex mutex_;
    std::optional<auth::IamToken> cached_;
    SystemClock::time_point refresh_at_;
};

/// Whether `token` is an IAM token rather than an OAuth token: `t1.` and exactly two dots.
bool LooksLikeIamToken(std::string_view token);

/// Parses {"iamToken", "expiresAt"} from POST /iam/v1/tokens.
Result<auth::IamToken> ParseIamTokenResponse(const nlohmann::json& answer);

}  // namespace ycloud::auth
