// Endpoint discovery, IAM token exchange and the Api-Key probe.
#include "acceptance-tests/emulator/emulator.hpp"
#include "acceptance-tests/emulator/jwt_verify.hpp"
#include "acceptance-tests/emulator/secret_record.hpp"
#include "acceptance-tests/emulator/timestamp.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

namespace {

// IAM tokens live 12 hours, as real ones do.
constexpr std::int64_t kIamTokenLifetimeSeconds = 12 * 3600;

void ExchangeToken(Context& context, const httplib::Request& request, httplib::Response& response) {
    auto body = context.Body(request, response, {"yandexPassportOauthToken", "jwt"});
    if (!body)
        return;
    if (body->contains("yandexPassportOauthToken") == body->contains("jwt")) {
        SendError(
            response, kInvalidArgument, "Exactly one of 'yandexPassportOauthToken' and 'jwt' should be specified");
        return;
    }
    std::string problem;
    const bool accepted = context.store.With([&](State& state) {
        if (body->contains("jwt")) {
            return VerifyServiceAccountJwt(state, (*body)["jwt"].get<std::string>(), problem).has_value();
        }
        if (state.oauth_tokens.count((*body)["yandexPassportOauthToken"].get<std::string>()) == 0) {
            problem = "the OAuth token is not valid";
            return false;
        }
        return true;
    });
    if (!accepted) {
        SendError(response, kUnauthenticated, problem);
        return;
    }
    const auto token = "t1." + RandomToken(24) + "." + RandomToken(32);
    const auto expires = PlusSeconds(NowTimestamp(), kIamTokenLifetimeSeconds);
    context.store.Change([&](State& state) { return state.iam_tokens[token] = expires.seconds; });
    RecordIssuedSecret(context.options, token);
    SendJson(response, {{"iamToken", token}, {"expiresAt", FormatRfc3339(expires)}});
}

// Answers whether `Authorization: Api-Key <secret>` is a live key allowed the `scope`.
void Probe(Context& context, const httplib::Request& request, httplib::Response& response) {
    const auto header = request.get_header_value("Authorization");
    if (header.rfind("Api-Key ", 0) != 0) {
        SendError(response, kUnauthenticated, "Expected an Authorization: Api-Key <secret> header");
        return;
    }
    const auto hash = Sha256Hex(header.substr(8));
    const auto scope = request.get_param_value("scope");
    context.store.Change([&](State& state) {
        for (auto& [id, key] : state.api_keys) {
            if (key.secret_sha256 != hash)
                continue;
            if (!key.expires_at.empty() && ParseRfc3339(key.expires_at).value_or(Timestamp{}) <= NowTimestamp()) {
                SendError(response, kUnauthenticated, "The API key has expired");
                return 0;
            }
            if (!scope.empty() && std::find(key.scopes.begin(), key.scopes.end(), scope) == key.scopes.end()) {
                SendError(response, kPermissionDenied, "The API key is not allowed the scope " + scope);
                return 0;
            }
            key.last_used_at = FormatRfc3339(NowTimestamp());
            SendJson(response, {{"valid", true}, {"apiKeyId", key.id}, {"serviceAccountId", key.service_account_id}});
            return 0;
        }
        SendError(response, kUnauthenticated, "The API key is not valid");
        return 0;
    });
}

}  // namespace

void RegisterIdentityRoutes(httplib::Server& server, Context& context) {
    server.Get("/endpoints", [&context](const httplib::Request&, httplib::Response& response) {
        nlohmann::json endpoints = nlohmann::json::array();
        for (const char* id : {"iam", "lockbox", "lockbox-payload", "operation"}) {
            endpoints.push_back({{"id", id}, {"address", context.self_address}});
        }
        SendJson(response, {{"endpoints", endpoints}});
    });
    server.Post("/iam/v1/tokens", [&context](const httplib::Request& request, httplib::Response& response) {
        ExchangeToken(context, request, response);
    });
    server.Get("/probe", [&context](const httplib::Request& request, httplib::Response& response) {
        Probe(context, request, response);
    });
}

}  // namespace emulator
