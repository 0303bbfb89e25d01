#include "tfplugin/framework/state_chores.hpp"

namespace tfplugin::framework {

Value KeepEmptyAsWritten(const Definition& definition, const Value& written, Value result) {
    if (!written.IsKnown() || !result.IsKnown())
        return result;
    for (const auto& attribute : definition.schema.block.attributes) {
        const auto* rules = definition.RulesOf(attribute.name);
        if (rules == nullptr || !rules->empty_means_unset)
            continue;
        const auto& value = written.Attribute(attribute.name);
        // Only a written empty value is put back: null needs no help, and a set value is the
        // remote side's to report.
        if (!value.IsKnown() || IsSet(definition, written, attribute.name) != false)
            continue;
        if (attribute.IsComputed() || IsSet(definition, result, attribute.name) == false)
            result = result.WithAttribute(attribute.name, value);
    }
    return result;
}

}  // namespace tfplugin::framework
