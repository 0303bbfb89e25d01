#include "client/services/resource_path.hpp"

#include "client/services/pagination.hpp"

namespace ycloud {

Result<std::string> IdSegment(const std::string& id, std::string_view what) {
    if (id.empty()) {
        auto error = Error::Of(GrpcCode::kInvalidArgument, "the " + std::string(what) + " id is empty");
        error.delivery = Delivery::kNotSent;
        return error;
    }
    return QueryEscape(id);
}

}  // namespace ycloud
