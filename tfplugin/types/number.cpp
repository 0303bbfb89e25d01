#include "tfplugin/types/number.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace tfplugin {

namespace {

// Exponents beyond this are refused: nothing real needs them, and they would make ToString() huge.
constexpr std::int64_t kMaxExponent = 100000;

bool IsDigit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

Number Number::FromInt(std::int64_t value) {
    if (value < 0) {
        // Negate in unsigned arithmetic so INT64_MIN does not overflow.
        auto magnitude = FromUnsigned(0 - static_cast<std::uint64_t>(value));
        magnitude.negative_ = true;
        return magnitude;
    }
    return FromUnsigned(static_cast<std::uint64_t>(value));
}

Number Number::FromUnsigned(std::uint64_t value) {
    return *Parse(std::to_string(value));
}

std::optional<Number> Number::FromDouble(double value) {
    if (std::isnan(value)) {
        return std::nullopt;
    }
    if (std::isinf(value)) {
        Number number;
        number.infinite_ = true;
        number.negative_ = value < 0;
        return number;
    }
    // 1100 fractional digits are more than the longest exact expansion of a double (1074), so
    // the fixed-point text is the double's exact value.
    std::array<char, 1500> buffer{};
    auto [end, error] =
        std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, std::chars_format::fixed, 1100);
    if (error != std::errc()) {
        return std::nullopt;
    }
    return Parse(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())));
}

std::optional<Number> Number::Parse(std::string_view text) {
    Number number;
    std::size_t pos = 0;
    if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
        number.negative_ = text[pos] == '-';
        ++pos;
    }
    if (text.substr(pos) == "Inf" || text.substr(pos) == "inf" || text.substr(pos) == "Infinity") {
        number.infinite_ = true;
        return number;
    }
    std::string digits;
    std::int64_t exponent = 0;
    bool seen_digit = false;
    while (pos < text.size() && IsDigit(text[pos])) {
        digits.push_back(text[pos++]);
        seen_digit = true;
    }
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && IsDigit(text[pos])) {
            digits.push_back(text[pos++]);
            --exponent;
            seen_digit = true;
        }
    }
    if (!seen_digit) {
        return std::nullopt;
    }
    if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        ++pos;
        std::int64_t explicit_exponent = 0;
        if (pos < text.size() && text[pos] == '+')
            ++pos;
        auto [end, error] = std::from_chars(text.data() + pos, text.data() + text.size(), explicit_exponent);
        if (error != std::errc() || end == text.data() + pos || std::llabs(explicit_exponent) > kMaxExponent) {
            return std::nullopt;
        }
        pos = static_cast<std::size_t>(end - text.data());
        exponent += explicit_exponent;
    }
    if (pos != text.size()) {
        return std::nullopt;
    }
    // Normalise: strip leading zeros, move trailing zeros into the exponent.
    const auto first = digits.find_first_not_of('0');
    if (first == std::string::npos) {
        return Number{};  // zero has no sign
    }
    digits.erase(0, first);
    const auto last = digits.find_last_not_of('0');
    exponent += static_cast<std::int64_t>(digits.size() - last - 1);
    digits.erase(last + 1);
    if (std::llabs(exponent) > kMaxExponent) {
        return std::nullopt;
    }
    number.digits_ = std::move(digits);
    number.exponent_ = exponent;
    return number;
}

std::optional<std::uint64_t> Number::ToUint64() const {
    if (infinite_) {
        return std::nullopt;
    }
    if (digits_.empty()) {
        return 0;
    }
    if (negative_ || exponent_ < 0) {
        return std::nullopt;
    }
    if (digits_.size() + static_cast<std::size_t>(exponent_) > 20) {
        return std::nullopt;
    }
    std::string text = digits_ + std::string(static_cast<std::size_t>(exponent_), '0');
    std::uint64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> Number::ToInt64() const {
    if (!negative_) {
        auto value = ToUint64();
        if (!value || *value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
            return std::nullopt;
        }
        return static_cast<std::int64_t>(*value);
    }
    Number magnitude = *this;
    magnitude.negative_ = false;
    auto value = magnitude.ToUint64();
    const auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1;
    if (!value || *value > limit) {
        return std::nullopt;
    }
    return static_cast<std::int64_t>(0 - *value);
}

double Number::ToApproximateDouble() const {
    if (infinite_) {
        return negative_ ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    return std::strtod(ToString().c_str(), nullptr);
}

std::optional<double> Number::ToExactDouble() const {
    const double nearest = ToApproximateDouble();
    auto back = FromDouble(nearest);
    if (back && *back == *this) {
        return nearest;
    }
    return std::nullopt;
}

std::string Number::ToString() const {
    const std::string sign = negative_ ? "-" : "";
    if (infinite_) {
        return sign + "Inf";
    }
    if (digits_.empty()) {
        return "0";
    }
    const auto length = static_cast<std::int64_t>(digits_.size());
    const std::int64_t point = length + exponent_;  // position of the decimal point within digits_
    if (exponent_ >= 0 && point <= 40) {
        return sign + digits_ + std::string(static_cast<std::size_t>(exponent_), '0');
    }
    if (exponent_ < 0 && point > 0) {
        return sign + digits_.substr(0, static_cast<std::size_t>(point)) + "." +
               digits_.substr(static_cast<std::size_t>(point));
    }
    if (exponent_ < 0 && point > -20) {
        return sign + "0." + std::string(static_cast<std::size_t>(-point), '0') + digits_;
    }
    std::string mantissa = digits_.substr(0, 1);
    if (length > 1) {
        mantissa += "." + digits_.substr(1);
    }
    return sign + mantissa + "e" + std::to_string(point - 1);
}

}  // namespace tfplugin
