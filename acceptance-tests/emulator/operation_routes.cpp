// yandex.cloud.operation.OperationService: GET /operations/{id}.
#include "acceptance-tests/emulator/emulator.hpp"
#include "acceptance-tests/emulator/util.hpp"

namespace emulator {

void RegisterOperationRoutes(httplib::Server& server, Context& context) {
    server.Get(R"(/operations/([^/]+))", Guarded(context, [&context](const auto& request, auto& response) {
                   const auto id = request.matches[1].str();
                   context.store.With([&](State& state) {
                       auto found = state.operations.find(id);
                       if (found == state.operations.end()) {
                           SendError(response, kNotFound, "Operation " + id + " not found");
                           return 0;
                       }
                       const auto& operation = found->second;
                       const bool done = SteadyMilliseconds() >= operation.done_at_ms;
                       nlohmann::json answer = {{"id", operation.id},
                                                {"description", operation.description},
                                                {"createdAt", operation.created_at},
                                                {"createdBy", "emulator"},
                                                {"modifiedAt", done ? operation.done_at : operation.created_at},
                                                {"done", done},
                                                {"metadata", operation.metadata}};
                       if (done) {
                           if (operation.error.is_null()) {
                               answer["response"] = operation.response;
                           } else {
                               answer["error"] = operation.error;
                           }
                       }
                       SendJson(response, answer);
                       return 0;
                   });
               }));
}

}  // namespace emulator
