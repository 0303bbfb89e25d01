#include "tfplugin/framework/timeouts.hpp"

#include <cmath>
#include <utility>

#include "tfplugin/framework/attributes.hpp"

namespace tfplugin::framework {

namespace {

constexpr const char* kBlockName = "timeouts";

// Units in the order Go tries them: longer spellings before their prefixes.
constexpr std::pair<std::string_view, double> kUnits[] = {
    {"ns", 1.0},
    {"us", 1e3},
    {"\xC2\xB5s", 1e3},  // U+00B5 micro sign
    {"\xCE\xBCs", 1e3},  // U+03BC Greek small letter mu
    {"ms", 1e6},
    {"s", 1e9},
    {"m", 60e9},
    {"h", 3600e9},
};

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

// The number at the front of `text` ("1", "1.5", ".5"), consumed; nullopt without digits.
std::optional<double> TakeNumber(std::string_view& text) {
    std::size_t end = 0;
    bool digits = false;
    while (end < text.size() && IsDigit(text[end])) {
        ++end;
        digits = true;
    }
    if (end < text.size() && text[end] == '.') {
        ++end;
        while (end < text.size() && IsDigit(text[end])) {
            ++end;
            digits = true;
        }
    }
    if (!digits)
        return std::nullopt;
    const double number = std::stod(std::string(text.substr(0, end)));
    text.remove_prefix(end);
    return number;
}

std::optional<double> TakeUnit(std::string_view& text) {
    std::size_t end = 0;
    while (end < text.size() && !IsDigit(text[end]) && text[end] != '.')
        ++end;
    const auto unit = text.substr(0, end);
    for (const auto& [name, nanoseconds] : kUnits) {
        if (unit == name) {
            text.remove_prefix(end);
            return nanoseconds;
        }
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::chrono::nanoseconds> ParseDuration(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text == "0")
        return std::chrono::nanoseconds(0);
    if (text.empty())
        return std::nullopt;
    double total = 0;
    while (!text.empty()) {
        const auto number = TakeNumber(text);
        if (!number)
            return std::nullopt;
        const auto unit = TakeUnit(text);  // Go requires a unit after every number but "0"
        if (!unit)
            return std::nullopt;
        total += *number * *unit;
    }
    // Go's limit: about 292 years.
    if (total > static_cast<double>(std::chrono::nanoseconds::max().count()))
        return std::nullopt;
    const auto nanoseconds = static_cast<std::int64_t>(std::llround(total));
    return std::chrono::nanoseconds(negative ? -nanoseconds : nanoseconds);
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
