// A stand-in for Keybase's user lookup (GET /_/api/1.0/user/lookup.json), serving the armored
// public keys seeded under "keybaseUsers", so `pgp_key = "keybase:<user>"` can be tested on
// loopback. Keybase answers HTTP 200 with its own status object, also for unknown users.
#include <sstream>

#include "acceptance-tests/emulator/emulator.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

namespace {

constexpr int kKeybaseNotFound = 205;

std::vector<std::string> SplitUserNames(const std::string& text) {
    std::vector<std::string> names;
    std::stringstream stream(text);
    for (std::string name; std::getline(stream, name, ',');) {
        if (!name.empty())
            names.push_back(name);
    }
    return names;
}

}  // namespace

void RegisterKeybaseRoutes(httplib::Server& server, Context& context) {
    server.Get("/_/api/1.0/user/lookup.json", [&context](const httplib::Request& request, httplib::Response& response) {
        const auto names = SplitUserNames(request.get_param_value("usernames"));
        nlohmann::json them = nlohmann::json::array();
        const bool all_found = context.store.With([&](State& state) {
            for (const auto& name : names) {
                auto found = state.keybase_users.find(name);
                if (found == state.keybase_users.end())
                    return false;
                them.push_back(
                    {{"basics", {{"username", name}}}, {"public_keys", {{"primary", {{"bundle", found->second}}}}}});
            }
            return !names.empty();
        });
        if (!all_found) {
            SendJson(response,
                     {{"status", {{"code", kKeybaseNotFound}, {"name", "NOT_FOUND"}, {"desc", "Not found"}}}});
            return;
        }
        SendJson(response, {{"status", {{"code", 0}, {"name", "OK"}}}, {"them", them}});
    });
}

}  // namespace emulator
