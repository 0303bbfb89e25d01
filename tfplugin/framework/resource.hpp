#pragma once

#include <string>

#include "tfplugin/framework/definition.hpp"
#include "tfplugin/protocol/call_context.hpp"

namespace tfplugin::framework {

/// One managed resource type. A resource declares its schema and rules once; the provider
/// base routes protocol calls to it and does the protocol chores around them.
class Resource {
public:
    virtual ~Resource() = default;

    /// The full type name, e.g. "yandex_iam_service_account_api_key".
    [[nodiscard]] virtual std::string TypeName() const = 0;
    [[nodiscard]] virtual const Definition& GetDefinition() const = 0;

    /// Checks that involve several attributes or need more than a per-attribute validator.
    /// Attribute validators from the definition have already run. Unknown values are never errors.
    virtual void ValidateConfig(const CallContext& ctx, const Value& config, Diagnostics& diagnostics) const;
};

}  // namespace tfplugin::framework
