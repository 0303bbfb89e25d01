#include "tfplugin/framework/timeouts.hpp"

#include <absl/time/time.h>

#include <string>

#include "tfplugin/framework/attributes.hpp"

namespace tfplugin::framework {

namespace {

constexpr const char* kBlockName = "timeouts";

}  // namespace

std::optional<std::chrono::nanoseconds> ParseDuration(std::string_view text) {
    // abseil reads Go's notation, but spells microseconds only "us" (Go also takes "µs" and
    // "μs") and knows "inf", which Go does not.
    std::string spelled(text);
    for (const std::string_view micro : {"\xC2\xB5s", "\xCE\xBCs"}) {
        for (auto at = spelled.find(micro); at != std::string::npos; at = spelled.find(micro))
            spelled.replace(at, micro.size(), "us");
    }
    absl::Duration duration;
    if (spelled.find("inf") != std::string::npos || !absl::ParseDuration(absl::string_view(spelled), &duration))
        return std::nullopt;
    // Go's limit: what 64 bits of nanoseconds hold, about 292 years.
    const auto limit = absl::FromChrono(std::chrono::nanoseconds::max());
    if (duration > limit || duration < -limit)
        return std::nullopt;
    return absl::ToChronoNanoseconds(duration);
}

Validator PositiveDuration() {
    return [](const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!value.IsKnown())
            return;
        const auto duration = ParseDuration(value.AsString());
        if (!duration || duration->count() <= 0) {
            diagnostics.AddAttributeError(path,
                                          "Invalid duration",
                                          "Attribute " + path.ToString() +
                                              " must be a positive duration such as "
                                              "\"30s\", \"20m\" or \"1h30m\", got \"" +
                                              value.AsString() + "\".");
        }
    };
}

void AddTimeoutsBlock(Definition& definition, const std::vector<std::string>& operations) {
    NestedBlock block;
    block.type_name = kBlockName;
    block.nesting = NestingMode::kSingle;
    block.block.description = "How long each operation may take, retries and waits included.";
    for (const auto& operation : operations) {
        block.block.attributes.push_back(
            Optional(operation,
                     Type::String(),
                     "Longest time " + operation + " may take, as a duration such as `\"30m\"` or `\"1h\"`."));
        definition.rules[std::string(kBlockName) + "." + operation].validators = {PositiveDuration()};
    }
    definition.schema.block.block_types.push_back(std::move(block));
}

std::chrono::nanoseconds TimeoutOf(const Value& object,
                                   const std::string& operation,
                                   std::chrono::nanoseconds fallback) {
    if (!object.IsKnown())
        return fallback;
    return TimeoutIn(object.Attribute(kBlockName), operation, fallback);
}

std::chrono::nanoseconds TimeoutIn(const Value& block,
                                   const std::string& operation,
                                   std::chrono::nanoseconds fallback) {
    if (!block.IsKnown())
        return fallback;
    const auto& text = block.Attribute(operation);
    if (!text.IsKnown())
        return fallback;
    const auto duration = ParseDuration(text.AsString());
    return duration && duration->count() > 0 ? *duration : fallback;
}

}  // namespace tfplugin::framework
