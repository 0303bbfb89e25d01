#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "client/endpoints.hpp"

namespace ycloud {

/// A long-running operation (yandex.cloud.operation.Operation).
struct Operation {
    std::string id;
    std::string description;
    bool done = false;
    nlohmann::json metadata;                 ///< with its "@type"
    std::optional<Error> error;              ///< set when the operation failed
    std::optional<nlohmann::json> response;  ///< set when it succeeded

    static Result<Operation> FromJson(const nlohmann::json& json);
};

class OperationService {
public:
    OperationService(RestClient& rest, Endpoints& endpoints, std::chrono::milliseconds poll_interval);

    Result<Operation> Get(const std::string& operation_id, const Context& context);
    /// Polls until the operation is done. Completion is `done`, nothing else; an operation that
    /// finished with an error comes back as that error. Bounded by the context.
    Result<Operation> Wait(Operation operation, const Context& context);
    /// Like Wait, but an operation that finished with an error comes back done, with its `error`
    /// set: an error result then means only that the outcome is not known (out of time, stopped,
    /// or polling failed), for callers that must tell "failed" from "may have succeeded".
    Result<Operation> WaitForOutcome(Operation operation, const Context& context);
    /// Wait for the operation a call has just started; a call that failed to start it gives
    /// its error unchanged.
    Result<Operation> Finish(Result<Operation> started, const Context& context);

private:
    RestClient& rest_;
    Endpoints& endpoints_;
    std::chrono::milliseconds poll_interval_;
};

}  // namespace ycloud
