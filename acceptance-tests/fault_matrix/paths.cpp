// The paths of yandex_iam_service_account_api_key and the calls each step makes when nothing
// fails, read from the emulator's callCounts after running each path fault-free: each path's
// baseline case checks they are still exactly these (and prints the rows when they are not), so
// the table cannot drift from the provider. Ids that change from run to run are '*'.
#include "acceptance-tests/fault_matrix/matrix.hpp"

namespace fault_matrix {

namespace {

// Secret ids as the emulator is seeded (EmulatorProcess::kLockboxSecret, kSecondLockboxSecret).
#define SECRET1 "/lockbox/v1/secrets/e6qacceptancesecret1"
#define SECRET2 "/lockbox/v1/secrets/e6qacceptancesecret2"

// The calls of configuring the provider: Terraform starts it once to plan and once to apply
// (destroy: to refresh, plan and apply), and each start looks up the endpoints and exchanges
// the token.
std::vector<Call> Configure(int starts) {
    std::vector<Call> calls;
    for (int n = 1; n <= starts; ++n) {
        calls.push_back({"GET", "/endpoints", n, true});
        calls.push_back({"POST", "/iam/v1/tokens", n, true});
    }
    return calls;
}

std::vector<Call> With(int starts, std::vector<Call> calls) {
    auto all = Configure(starts);
    all.insert(all.end(), calls.begin(), calls.end());
    return all;
}

const std::vector<Call> kCreate = {{"POST", "/iam/v1/apiKeys", 1}};
// Create, then the secret to Lockbox: the secret is looked up at plan and again at apply.
const std::vector<Call> kCreateToLockbox = {{"GET", SECRET1, 1},
                                            {"GET", SECRET1, 2},
                                            {"POST", "/iam/v1/apiKeys", 1},
                                            {"POST", SECRET1 ":addVersion", 1},
                                            {"GET", "/operations/*", 1}};
// Refresh, PATCH, its operation, and the read of the updated key.
const std::vector<Call> kUpdate = {{"GET", "/iam/v1/apiKeys/*", 1},
                                   {"PATCH", "/iam/v1/apiKeys/*", 1},
                                   {"GET", "/operations/*", 1},
                                   {"GET", "/iam/v1/apiKeys/*", 2}};

std::vector<Call> Plus(std::vector<Call> calls, const std::vector<Call>& more) {
    calls.insert(calls.end(), more.begin(), more.end());
    return calls;
}

}  // namespace

const std::vector<Path>& Paths() {
    static const std::vector<Path> paths = {
        {"create_plain", {}, "", StepKind::kApply, true, With(2, kCreate)},
        {"create_pgp", {}, "{PGP}", StepKind::kApply, true, With(2, kCreate)},
        {"create_lockbox", {}, "{LOCKBOX}", StepKind::kApply, true, With(2, kCreateToLockbox)},
        {"create_pgp_lockbox", {}, "{PGP}{LOCKBOX}", StepKind::kApply, true, With(2, kCreateToLockbox)},
        {"update_description",
         {"  description = \"before\"\n"},
         "  description = \"after\"\n",
         StepKind::kApply,
         false,
         With(2, kUpdate)},
        // The scopes are checked against the cloud's list at plan and again at apply.
        {"update_scopes",
         {"  scopes = [\"yc.postbox.send\"]\n"},
         "  scopes = [\"yc.postbox.send\", \"yc.monitoring.manage\"]\n",
         StepKind::kApply,
         false,
         With(2, Plus(kUpdate, {{"GET", "/iam/v1/apiKeyScopes", 1}, {"GET", "/iam/v1/apiKeyScopes", 2}}))},
        {"update_expiry",
         {"  expires_at = \"2099-01-01T00:00:00Z\"\n"},
         "  expires_at = \"2098-06-30T12:00:00Z\"\n",
         StepKind::kApply,
         false,
         With(2, kUpdate)},
        {"lockbox_added",
         {""},
         "{LOCKBOX}",
         StepKind::kApply,
         false,
         With(2,
              {{"GET", "/iam/v1/apiKeys/*", 1},
               {"GET", SECRET1, 1},
               {"GET", SECRET1, 2},
               {"POST", SECRET1 ":addVersion", 1},
               {"GET", "/operations/*", 1},
               {"GET", "/iam/v1/apiKeys/*", 2}})},
        {"lockbox_moved_secret",
         {"{LOCKBOX}"},
         "{LOCKBOX_OTHER}",
         StepKind::kApply,
         false,
         With(2,
              {{"GET", "/iam/v1/apiKeys/*", 1},
               {"GET", SECRET2, 1},
               {"GET", SECRET2, 2},
               {"GET", SECRET1 "/payload", 1},
               {"POST", SECRET2 ":addVersion", 1},
               {"GET", "/operations/*", 1},
               {"POST", SECRET1 ":scheduleVersionDestruction", 1},
               {"GET", "/operations/*", 2},
               {"GET", "/iam/v1/apiKeys/*", 2}})},
        {"lockbox_moved_entry",
         {"{LOCKBOX}"},
         "{LOCKBOX_ENTRY}",
         StepKind::kApply,
         false,
         With(2,
              {{"GET", "/iam/v1/apiKeys/*", 1},
               {"GET", SECRET1, 1},
               {"GET", SECRET1, 2},
               {"GET", SECRET1 "/payload", 1},
               {"POST", SECRET1 ":addVersion", 1},
               {"GET", "/operations/*", 1},
               {"POST", SECRET1 ":scheduleVersionDestruction", 1},
               {"GET", "/operations/*", 2},
               {"GET", "/iam/v1/apiKeys/*", 2}})},
        // Added to an existing key first, then removed: the secret comes back into the state.
        {"lockbox_removed",
         {"", "{LOCKBOX}"},
         "",
         StepKind::kApply,
         false,
         With(2,
              {{"GET", "/iam/v1/apiKeys/*", 1},
               {"GET", SECRET1 "/payload", 1},
               {"POST", SECRET1 ":scheduleVersionDestruction", 1},
               {"GET", "/operations/*", 1},
               {"GET", "/iam/v1/apiKeys/*", 2}})},
        {"delete_plain",
         {""},
         "",
         StepKind::kDestroy,
         false,
         With(3, {{"GET", "/iam/v1/apiKeys/*", 1}, {"DELETE", "/iam/v1/apiKeys/*", 1}, {"GET", "/operations/*", 1}})},
        {"delete_lockbox",
         {"{LOCKBOX}"},
         "{LOCKBOX}",
         StepKind::kDestroy,
         false,
         With(3,
              {{"GET", "/iam/v1/apiKeys/*", 1},
               {"DELETE", "/iam/v1/apiKeys/*", 1},
               {"GET", "/operations/*", 1},
               {"POST", SECRET1 ":scheduleVersionDestruction", 1},
               {"GET", "/operations/*", 2}})},
        {"refresh", {"{LOCKBOX}"}, "{LOCKBOX}", StepKind::kRefresh, false, With(2, {{"GET", "/iam/v1/apiKeys/*", 1}})},
        {"import",
         {},
         "  description = \"made outside Terraform\"\n",
         StepKind::kImport,
         false,
         With(2, {{"GET", "/iam/v1/apiKeys/*", 1}, {"GET", "/iam/v1/apiKeys/*", 2}})},
    };
    return paths;
}

}  // namespace fault_matrix
