#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tfplugin {

/// A Terraform number with no loss of precision. Terraform computes with arbitrary-precision
/// decimals, so a provider that squeezed numbers through a double would change large integers and
/// decimal fractions it was handed. A Number is kept as sign × digits × 10^exponent.
class Number {
public:
    Number() = default;  ///< zero
    static Number FromInt(std::int64_t value);
    static Number FromUnsigned(std::uint64_t value);
    /// The exact decimal value of a double (every finite double is a finite decimal); ±infinity is kept.
    static std::optional<Number> FromDouble(double value);
    /// Parses decimal text such as "-12", "0.25", "1e400" or "+Inf". Returns nothing when malformed.
    static std::optional<Number> Parse(std::string_view text);

    [[nodiscard]] bool IsInfinite() const { return infinite_; }
    [[nodiscard]] std::optional<std::int64_t> ToInt64() const;
    [[nodiscard]] std::optional<std::uint64_t> ToUint64() const;
    /// The double with exactly this value, when there is one.
    [[nodiscard]] std::optional<double> ToExactDouble() const;
    /// The nearest double (for display or arithmetic that tolerates rounding).
    [[nodiscard]] double ToApproximateDouble() const;

    /// Decimal text that parses back to the same number: plain notation when short, else "d.ddde±N".
    [[nodiscard]] std::string ToString() const;

    friend bool operator==(const Number& a, const Number& b) = default;

private:
    bool negative_ = false;
    bool infinite_ = false;
    std::string digits_;         // no leading or trailing zeros; empty means zero
    std::int64_t exponent_ = 0;  // value = digits_ × 10^exponent_
};

}  // namespace tfplugin
