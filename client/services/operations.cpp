#include "client/services/operations.hpp"

#include "client/services/json_fields.hpp"
#include "client/services/resource_path.hpp"

namespace ycloud {

namespace {

Error Malformed(const std::string& what) {
    return Error::Of(GrpcCode::kInternal, "the API answered with a malformed " + what);
}

}  // namespace

Result<Operation> Operation::FromJson(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("id") || !json["id"].is_string()) {
        return Malformed("operation (no id)");
    }
    Operation operation;
    operation.id = json["id"].get<std::string>();
    operation.description = TextField(json, "description");
    operation.done = BoolField(json, "done", false);
    operation.metadata = ObjectField(json, "metadata");
    if (json.contains("error") && json["error"].is_object()) {
        const auto& status = json["error"];
        Error error;
        const auto code = IntField(status, "code", 2);
        error.code = code >= 0 && code <= 16 ? static_cast<GrpcCode>(code) : GrpcCode::kUnknown;
        error.message = TextField(status, "message");
        if (error.message.empty())
            error.message = "the operation failed";
        error.message += " (operation " + operation.id + ")";
        operation.error = std::move(error);
    } else if (json.contains("response")) {
        operation.response = json["response"];
    }
    return operation;
}

OperationService::OperationService(RestClient& rest, Endpoints& endpoints, std::chrono::milliseconds poll_interval)
    : rest_(rest), endpoints_(endpoints), poll_interval_(poll_interval) {}

Result<Operation> OperationService::Get(const std::string& operation_id, const Context& context) {
    auto id = IdSegment(operation_id, "operation");
    if (!id)
        return id.GetError();
    auto base = endpoints_.BaseUrl(Service::kOperation, context);
    if (!base)
        return base.GetError();
    auto answer = rest_.Call(RestCall::Get(base.Value() + "/operations/" + id.Value()), context);
    if (!answer)
        return answer.GetError();
    return Operation::FromJson(answer.Value());
}

Result<Operation> OperationService::Finish(Result<Operation> started, const Context& context) {
    if (!started)
        return started;
    return Wait(std::move(started).Value(), context);
}

Result<Operation> OperationService::Wait(Operation operation, const Context& context) {
    auto finished = WaitForOutcome(std::move(operation), context);
    if (finished && finished.Value().error)
        return *finished.Value().error;
    return finished;
}

Result<Operation> OperationService::WaitForOutcome(Operation operation, const Context& context) {
    while (!operation.done) {
        if (context.Remaining() <= poll_interval_) {
            return Error::Of(GrpcCode::kDeadlineExceeded,
                             "operation " + operation.id + " (" + operation.description + ") did not finish in time");
        }
        if (!SleepUnlessStopped(poll_interval_, context)) {
            return Error::Of(GrpcCode::kCancelled, "stopped waiting for operation " + operation.id);
        }
        auto polled = Get(operation.id, context);
        if (!polled)
            return polled.GetError();
        operation = std::move(polled).Value();
    }
    return operation;
}

}  // namespace ycloud
