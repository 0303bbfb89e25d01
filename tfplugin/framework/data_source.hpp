#pragma once

#include <string>

#include "tfplugin/framework/definition.hpp"
#include "tfplugin/protocol/call_context.hpp"
#include "tfplugin/protocol/provider_server.hpp"

namespace tfplugin::framework {

struct DataSourceReadRequest {
    Value config;
};

struct DataSourceReadResponse {
    /// Starts as the configuration; the data source fills in its computed attributes. Every
    /// attribute must be known when it returns without an error.
    Value state;
    Diagnostics diagnostics;
};

/// One data source type: it reads something each time Terraform plans and reports it in its
/// attributes; nothing of it is managed, and Terraform keeps no state of it between runs.
class DataSource {
public:
    virtual ~DataSource() = default;

    /// The full type name, e.g. "yandex_iam_api_key_scopes".
    [[nodiscard]] virtual std::string TypeName() const = 0;
    [[nodiscard]] virtual const Definition& GetDefinition() const = 0;

    /// Checks that involve several attributes or need more than a per-attribute validator.
    /// Attribute validators from the definition have already run. Unknown values are never errors.
    virtual void ValidateConfig(const CallContext& ctx, const Value& config, Diagnostics& diagnostics) const;

    virtual void Read(const CallContext& ctx,
                      const DataSourceReadRequest& request,
                      DataSourceReadResponse& response) = 0;
};

}  // namespace tfplugin::framework
