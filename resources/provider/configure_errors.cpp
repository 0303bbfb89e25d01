#include "resources/provider/configure_errors.hpp"

#include "client/auth/token_sources.hpp"

namespace provider {

namespace {

using tfplugin::AttributePath;
using tfplugin::Diagnostics;

void AddUnreachable(const ycloud::ClientConfig& config, const ycloud::Error& error, Diagnostics& diagnostics) {
    std::string detail =
        "No answer from the Yandex Cloud API at \"" + config.endpoint +
        "\" (the provider's `endpoint`, or YC_ENDPOINT; the default is api.cloud.yandex.net:443): " + error.ToString() +
        ".";
    if (error.server_speaks_plain_http) {
        detail +=
            " The endpoint answered in plain HTTP, not TLS: for a local endpoint such as the emulator, set "
            "`plaintext = true` in the provider block or YC_PLAINTEXT=true.";
    } else {
        detail += " Check the address and that this machine can reach it.";
    }
    diagnostics.AddAttributeError(AttributePath::Root("endpoint"), "Cannot reach the Yandex Cloud API", detail);
}

void AddRejectedToken(const ycloud::ClientConfig& config, const ycloud::Error& error, Diagnostics& diagnostics) {
    const auto path = AttributePath::Root("token");
    if (ycloud::auth::LooksLikeIamToken(config.credentials.token->Reveal())) {
        diagnostics.AddAttributeError(
            path,
            "Yandex Cloud rejected the IAM token",
            "The IAM token in `token` (or YC_TOKEN) is invalid or has expired: " + error.ToString() +
                ". IAM tokens live at most 12 hours: get a fresh one with `yc iam create-token`, or let the provider "
                "get tokens itself from a service account key file (`service_account_key_file` or "
                "YC_SERVICE_ACCOUNT_KEY_FILE, made by `yc iam key create -o key.json`) or an OAuth token.");
        return;
    }
    diagnostics.AddAttributeError(
        path,
        "Yandex Cloud rejected the OAuth token",
        "The OAuth token in `token` (or YC_TOKEN) could not be exchanged for an IAM token: " + error.ToString() +
            ". Check that it is current (`yc config get token` shows the one the CLI uses), "
            "or use a service account key file (`service_account_key_file` or "
            "YC_SERVICE_ACCOUNT_KEY_FILE).");
}

// "GET /endpoints: RESOURCE_EXHAUSTED (HTTP 429): ...": which step of connecting failed.
std::string CallAndError(const ycloud::Error& error) {
    return error.call.empty() ? error.ToString() : error.call + ": " + error.ToString();
}

// A failure that says nothing about the credentials: the API was busy, rate limited or failing
// (and kept so through the client's retries).
bool IsPassing(const ycloud::Error& error) {
    switch (error.code) {
        case ycloud::GrpcCode::kResourceExhausted:
        case ycloud::GrpcCode::kUnavailable:
        case ycloud::GrpcCode::kDeadlineExceeded:
        case ycloud::GrpcCode::kAborted:
            return true;
        case ycloud::GrpcCode::kInternal:
            // A server's 5xx; not an answer this side could not read (a 200 that is not JSON
            // usually means the endpoint is some other server).
            return error.http_status >= 500;
        default:
            return error.retryable;
    }
}

void AddPassingFailure(const ycloud::Error& error, Diagnostics& diagnostics) {
    const bool rate_limited = error.code == ycloud::GrpcCode::kResourceExhausted;
    diagnostics.AddError(
        rate_limited ? "Yandex Cloud API rate limit reached" : "Yandex Cloud API failed",
        "The provider could not finish connecting, although it asked again with backoff: " + CallAndError(error) +
            ". " +
            (rate_limited ? "Too many requests reached the API (a quota of the cloud, or of this network); "
                            "run Terraform again later or with a lower -parallelism."
                          : "This is a problem on the API's side, not with the provider's settings or "
                            "credentials: run Terraform again later."));
}

}  // namespace

void AddConfigureError(const ycloud::ClientConfig& config, const ycloud::Error& error, Diagnostics& diagnostics) {
    const auto& credentials = config.credentials;
    const bool has_key = credentials.service_account_key && !credentials.service_account_key->Empty();
    const bool has_token = credentials.token && !credentials.token->Empty();
    if (error.code == ycloud::GrpcCode::kCancelled) {
        diagnostics.AddError("Configuration cancelled", "The provider was stopped while it was connecting.");
        return;
    }
    if (!has_key && !has_token) {
        // The instance metadata service, the last resort, gave nothing either.
        diagnostics.AddError("No Yandex Cloud credentials",
                             "Set `token` in the provider block or the YC_TOKEN environment variable (an OAuth or "
                             "IAM token), or `service_account_key_file` or YC_SERVICE_ACCOUNT_KEY_FILE (the path or "
                             "JSON of a service account's authorized key, `yc iam key create -o key.json`). Inside "
                             "a Yandex Cloud compute instance, attaching a service account to it works too. (" +
                                 error.message + ")");
        return;
    }
    if (error.delivery != ycloud::Delivery::kAnswered) {
        AddUnreachable(config, error, diagnostics);
        return;
    }
    if (IsPassing(error)) {
        AddPassingFailure(error, diagnostics);
        return;
    }
    if (error.code != ycloud::GrpcCode::kUnauthenticated && error.code != ycloud::GrpcCode::kPermissionDenied &&
        error.code != ycloud::GrpcCode::kInvalidArgument) {
        diagnostics.AddError("Cannot authenticate to Yandex Cloud", CallAndError(error));
        return;
    }
    if (has_key) {
        diagnostics.AddAttributeError(AttributePath::Root("service_account_key_file"),
                                      "Yandex Cloud rejected the service account key",
                                      "The authorized key in `service_account_key_file` (or "
                                      "YC_SERVICE_ACCOUNT_KEY_FILE) was not accepted: " +
                                          error.ToString() +
                                          ". Check that the key still exists (`yc iam key list "
                                          "--service-account-id <id>`) or create a new one with `yc iam key create "
                                          "-o key.json`.");
        return;
    }
    AddRejectedToken(config, error, diagnostics);
}

}  // namespace provider
