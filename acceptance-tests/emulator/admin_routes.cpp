// Seeding, inspection, drift and fault injection for tests. No authentication: the emulator
// listens on loopback only.
#include "acceptance-tests/emulator/emulator.hpp"
#include "acceptance-tests/emulator/seed_file.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

void RegisterAdminRoutes(httplib::Server& server, Context& context, Faults& faults, const Connections& connections) {
    server.Get("/admin/state", [&context, &connections](const httplib::Request&, httplib::Response& response) {
        auto answer = context.store.With([](State& state) { return state.ToJson(false); });
        // Counted by the server rather than kept in the state: a state file carries keys and
        // secrets over a restart, not the connections of an earlier run.
        answer["connectionsAccepted"] = connections.Accepted();
        SendJson(response, answer);
    });
    server.Post("/admin/seed", [&context](const httplib::Request& request, httplib::Response& response) {
        const auto seed = nlohmann::json::parse(request.body, nullptr, false);
        try {
            context.store.Change([&seed](State& state) {
                MergeSeed(state, seed, "the seed");
                return 0;
            });
        } catch (const std::runtime_error& error) {
            SendError(response, kInvalidArgument, error.what());
            return;
        }
        SendJson(response, nlohmann::json::object());
    });
    // Deletes a key behind Terraform's back, to test drift.
    server.Delete(
        R"(/admin/apiKeys/([^/]+))", [&context](const httplib::Request& request, httplib::Response& response) {
            const auto id = request.matches[1].str();
            const auto erased = context.store.Change([&id](State& state) { return state.api_keys.erase(id); });
            if (erased == 0) {
                SendError(response, kNotFound, "ApiKey " + id + " not found");
                return;
            }
            SendJson(response, nlohmann::json::object());
        });
    server.Post("/admin/faults", [&faults](const httplib::Request& request, httplib::Response& response) {
        std::string problem;
        auto fault = Faults::FromJson(nlohmann::json::parse(request.body, nullptr, false), problem);
        if (!fault) {
            SendError(response, kInvalidArgument, problem);
            return;
        }
        faults.Add(*fault);
        SendJson(response, nlohmann::json::object());
    });
    server.Delete("/admin/faults", [&faults](const httplib::Request&, httplib::Response& response) {
        faults.Clear();
        SendJson(response, nlohmann::json::object());
    });
}

}  // namespace emulator
