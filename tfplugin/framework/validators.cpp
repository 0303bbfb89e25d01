#include "tfplugin/framework/validators.hpp"

#include <algorithm>
#include <unordered_map>

#include "tfplugin/framework/timestamp.hpp"
#include "tfplugin/types/value_hash.hpp"

namespace tfplugin::framework {

namespace {

// How many repeated elements ElementsUnique names one by one.
constexpr std::size_t kMaxDuplicatesReported = 10;

bool Checkable(const Value& value) {
    return value.IsKnown();
}

}  // namespace

std::size_t CodePointCount(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xc0U) != 0x80U;  // count every byte but continuations
    }));
}

Validator StringLengthAtMost(std::size_t max) {
    return [max](const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!Checkable(value))
            return;
        const auto length = CodePointCount(value.AsString());
        if (length > max) {
            diagnostics.AddAttributeError(path,
                                          "Value too long",
                                          "Attribute " + path.ToString() + " must be at most " + std::to_string(max) +
                                              " characters long, got " + std::to_string(length) + ".");
        }
    };
}

Validator StringNotEmpty() {
    return [](const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (Checkable(value) && value.AsString().empty()) {
            diagnostics.AddAttributeError(path, "Empty value", "Attribute " + path.ToString() + " must not be empty.");
        }
    };
}

Validator StringCharacters(std::function<bool(char)> is_allowed, std::string allowed) {
    return [is_allowed = std::move(is_allowed), allowed = std::move(allowed)](
               const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!Checkable(value))
            return;
        const auto& text = value.AsString();
        const auto bad = std::find_if_not(text.begin(), text.end(), is_allowed);
        if (bad != text.end()) {
            diagnostics.AddAttributeError(path,
                                          "Invalid character",
                                          "Attribute " + path.ToString() + " may contain only " + allowed +
                                              "; found '" + std::string(1, *bad) + "' at position " +
                                              std::to_string(bad - text.begin() + 1) + ".");
        }
    };
}

Validator WholeNumberBetween(std::int64_t least, std::int64_t most) {
    return [least, most](const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!Checkable(value))
            return;
        const auto whole = value.AsNumber().ToInt64();
        if (!whole || *whole < least || *whole > most) {
            diagnostics.AddAttributeError(path,
                                          "Value out of range",
                                          "Attribute " + path.ToString() + " must be a whole number from " +
                                              std::to_string(least) + " to " + std::to_string(most) + ", got " +
                                              value.AsNumber().ToString() + ".");
        }
    };
}

Validator SizeAtMost(std::size_t max) {
    return [max](const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!Checkable(value))
            return;
        const auto size = value.Elements().size();
        if (size > max) {
            diagnostics.AddAttributeError(path,
                                          "Too many elements",
                                          "Attribute " + path.ToString() + " may have at most " + std::to_string(max) +
                                              " elements, got " + std::to_string(size) + ".");
        }
    };
}

Validator ElementsUnique() {
    return [](const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!Checkable(value))
            return;
        const auto& elements = value.Elements();
        // Indexing earlier elements by hash keeps this linear: comparing every pair took minutes
        // for 100,000 elements, and a plan must not hang on a long list.
        std::unordered_multimap<std::size_t, std::size_t> seen;
        seen.reserve(elements.size());
        std::size_t reported = 0;
        std::size_t not_reported = 0;
        for (std::size_t i = 0; i < elements.size(); ++i) {
            if (!elements[i].IsKnown())
                continue;
            const auto hash = HashValue(elements[i]);
            auto [candidate, last] = seen.equal_range(hash);
            while (candidate != last && !(elements[candidate->second] == elements[i]))
                ++candidate;
            if (candidate == last) {
                seen.emplace(hash, i);
                continue;
            }
            // One diagnostic per repeat would flood the answer for a long list: a few name the
            // repeats, one more counts the rest.
            if (reported == kMaxDuplicatesReported) {
                ++not_reported;
                continue;
            }
            ++reported;
            const auto shown = elements[i].GetType() == Type::String() ? "\"" + elements[i].AsString() + "\"" : "value";
            diagnostics.AddAttributeError(path.Index(static_cast<std::int64_t>(i)),
                                          "Duplicate element",
                                          "Attribute " + path.ToString() + " must not repeat elements: " + shown +
                                              " appears at index " + std::to_string(candidate->second) +
                                              " and again at index " + std::to_string(i) + ".");
        }
        if (not_reported > 0) {
            diagnostics.AddAttributeError(path,
                                          "Duplicate elements",
                                          "Attribute " + path.ToString() + " repeats " + std::to_string(not_reported) +
                                              " more elements besides those reported.");
        }
    };
}

Validator NotUsed(std::string why) {
    return [why = std::move(why)](const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (Checkable(value)) {
            diagnostics.AddAttributeWarning(
                path, "Argument not used", "Attribute " + path.ToString() + " is ignored: " + why);
        }
    };
}

Validator ElementsNotNull() {
    return [](const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!Checkable(value))
            return;
        const auto& elements = value.Elements();
        for (std::size_t i = 0; i < elements.size(); ++i) {
            if (!elements[i].IsNull())
                continue;
            const auto element = path.Index(static_cast<std::int64_t>(i));
            diagnostics.AddAttributeError(element,
                                          "Null element",
                                          "Element " + element.ToString() + " is null; every element of " +
                                              path.ToString() +
                                              " needs a value (is a variable it comes from left unset?).");
        }
    };
}

Validator EachElement(Validator element_validator) {
    return [element_validator = std::move(element_validator)](
               const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!Checkable(value))
            return;
        const auto& elements = value.Elements();
        for (std::size_t i = 0; i < elements.size(); ++i) {
            element_validator(elements[i], path.Index(static_cast<std::int64_t>(i)), diagnostics);
        }
    };
}

}  // namespace tfplugin::framework

namespace tfplugin::framework {

Validator Rfc3339Between(const std::string& earliest, const std::string& end, std::string range_text) {
    const auto lower = Timestamp::ParseRfc3339(earliest);
    const auto upper = Timestamp::ParseRfc3339(end);
    return [lower, upper, range_text = std::move(range_text)](
               const Value& value, const AttributePath& path, Diagnostics& diagnostics) {
        if (!value.IsKnown())
            return;
        const auto& text = value.AsString();
        const auto timestamp = Timestamp::ParseRfc3339(text);
        if (!timestamp) {
            diagnostics.AddAttributeError(path,
                                          "Invalid timestamp",
                                          "Attribute " + path.ToString() + " must be an RFC 3339 timestamp such as " +
                                              "\"2030-01-31T23:59:59Z\" or \"2030-02-01T02:59:59+03:00\", got \"" +
                                              text + "\".");
            return;
        }
        if (*timestamp < *lower || *timestamp >= *upper) {
            diagnostics.AddAttributeError(
                path,
                "Timestamp out of range",
                "Attribute " + path.ToString() + " must be " + range_text + ", got \"" + text + "\".");
        }
    };
}

}  // namespace tfplugin::framework
