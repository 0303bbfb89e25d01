#include "client/auth/credentials.hpp"

#include "client/auth/service_account_key.hpp"
#include "client/auth/token_sources.hpp"
#include "client/wipe.hpp"

namespace ycloud::auth {

namespace {

using TokensUrl = std::function<Result<std::string>(const Context&)>;

// POST /iam/v1/tokens with one kind of credential.
Result<IamToken> Exchange(RestClient& rest, const TokensUrl& tokens_url, nlohmann::json body, const Context& context) {
    auto url = tokens_url(context);
    if (!url)
        return url.GetError();
    auto answer = rest.Call(RestCall::Post(url.Value(), std::move(body)).Unauthenticated(), context);
    if (!answer) {
        auto error = answer.GetError();
        error.message = "cannot get an IAM token: " + error.message;
        return error;
    }
    auto token = ParseIamTokenResponse(answer.Value());
    WipeStrings(answer.Value());
    return token;
}

// The compute instance's metadata service answers {"access_token", "expires_in", "token_type"}.
Result<IamToken> FromMetadata(RestClient& rest, const std::string& url, const Context& context) {
    Context quick = context;
    quick.deadline = std::min(context.deadline, std::chrono::steady_clock::now() + std::chrono::seconds(3));
    // The metadata service wants this header, and answers nothing without it.
    auto answer = rest.Call(RestCall::Get(url).Unauthenticated().Header("Metadata-Flavor", "Google"), quick);
    if (!answer) {
        Error error = answer.GetError();
        error.code = GrpcCode::kUnauthenticated;
        error.message = kNoCredentialsMessage;
        return error;
    }
    auto& json = answer.Value();
    if (!json.contains("access_token") || !json["access_token"].is_string()) {
        WipeStrings(json);
        Error error;
        error.code = GrpcCode::kUnauthenticated;
        error.message = "the instance metadata service gave no access_token";
        return error;
    }
    const auto& expires_in = json["expires_in"];
    const auto lifetime = std::chrono::seconds(expires_in.is_number_integer() ? expires_in.get<std::int64_t>() : 3600);
    IamToken token{SecretString(json["access_token"].get_ref<const std::string&>()), SystemClock::now() + lifetime};
    WipeStrings(json);
    return token;
}

}  // namespace

Result<std::unique_ptr<TokenSource>> MakeTokenSource(const CredentialsConfig& config,
                                                     RestClient& rest,
                                                     TokensUrl iam_tokens_url) {
    if (config.service_account_key && !config.service_account_key->Empty()) {
        auto key = LoadServiceAccountKey(config.service_account_key->Reveal());
        if (!key)
            return key.GetError();
        return std::unique_ptr<TokenSource>(std::make_unique<CachingTokenSource>(
            [&rest, tokens_url = std::move(iam_tokens_url), key = std::move(key).Value()](
                const Context& context) -> Result<IamToken> {
                auto jwt = MakeServiceAccountJwt(key, SystemClock::now());
                if (!jwt)
                    return jwt.GetError();
                return Exchange(rest, tokens_url, {{"jwt", std::string(jwt.Value().Reveal())}}, context);
            }));
    }
    if (config.token && !config.token->Empty()) {
        if (LooksLikeIamToken(config.token->Reveal())) {
            return std::unique_ptr<TokenSource>(std::make_unique<StaticTokenSource>(*config.token));
        }
        return std::unique_ptr<TokenSource>(std::make_unique<CachingTokenSource>(
            [&rest, tokens_url = std::move(iam_tokens_url), oauth = *config.token](const Context& context) {
                return Exchange(rest, tokens_url, {{"yandexPassportOauthToken", std::string(oauth.Reveal())}}, context);
            }));
    }
    return std::unique_ptr<TokenSource>(std::make_unique<CachingTokenSource>(
        [&rest, url = config.metadata_token_url](const Context& context) { return FromMetadata(rest, url, context); }));
}

}  // namespace ycloud::auth
