#include "tfplugin/types/refinements_msgpack.hpp"

#include <cstdint>
#include <cstring>
#include <optional>

namespace tfplugin::detail {

namespace {

// The refinement keys go-cty writes.
enum RefinementKey : std::uint64_t {
    kNullness = 1,  // value false: the final value will not be null
    kStringPrefix = 2,
    kNumberLowerBound = 3,
    kNumberUpperBound = 4,
    kLengthLowerBound = 5,
    kLengthUpperBound = 6,
};

// go-cty refuses refinement payloads over 1 KiB; so do we, by ignoring them.
constexpr std::size_t kMaxPayload = 1024;

/// A forward-only reader of the few msgpack forms refinements use. Every Read returns nothing
/// (and leaves the reader failed) on anything unexpected.
class Reader {
public:
    explicit Reader(std::string_view bytes) : bytes_(bytes) {}

    std::optional<std::uint64_t> ReadMapLength() {
        auto code = Byte();
        if (!code)
            return std::nullopt;
        if ((*code & 0xf0U) == 0x80U)
            return *code & 0x0fU;
        if (*code == 0xde)
            return BigEndian(2);
        if (*code == 0xdf)
            return BigEndian(4);
        return Fail();
    }

    std::optional<std::uint64_t> ReadArrayLength() {
        auto code = Byte();
        if (!code)
            return std::nullopt;
        if ((*code & 0xf0U) == 0x90U)
            return *code & 0x0fU;
        if (*code == 0xdc)
            return BigEndian(2);
        if (*code == 0xdd)
            return BigEndian(4);
        return Fail();
    }

    std::optional<bool> ReadBool() {
        auto code = Byte();
        if (code == 0xc2)
            return false;
        if (code == 0xc3)
            return true;
        Fail();
        return std::nullopt;
    }

    std::optional<std::string> ReadString() {
        auto code = Byte();
        if (!code)
            return std::nullopt;
        std::optional<std::uint64_t> length;
        if ((*code & 0xe0U) == 0xa0U) {
            length = *code & 0x1fU;
        } else if (*code == 0xd9) {
            length = BigEndian(1);
        } else if (*code == 0xda) {
            length = BigEndian(2);
        } else if (*code == 0xdb) {
            length = BigEndian(4);
        }
        if (!length || *length > bytes_.size() - pos_) {
            Fail();
            return std::nullopt;
        }
        std::string text(bytes_.substr(pos_, *length));
        pos_ += *length;
        return text;
    }

    /// An integer of any msgpack width, as a signed 64-bit value.
    std::optional<std::int64_t> ReadInt() {
        auto number = ReadNumber();
        if (!number)
            return std::nullopt;
        return number->ToInt64();
    }

    /// A number as go-cty writes one: an integer, a float, or decimal text.
    std::optional<Number> ReadNumber() {
        if (pos_ >= bytes_.size())
            return FailNumber();
        const auto code = static_cast<std::uint8_t>(bytes_[pos_]);
        if (code <= 0x7f) {
            ++pos_;
            return Number::FromInt(code);
        }
        if (code >= 0xe0) {
            ++pos_;
            return Number::FromInt(static_cast<std::int8_t>(code));
        }
        if ((code & 0xe0U) == 0xa0U || code == 0xd9 || code == 0xda || code == 0xdb) {
            auto text = ReadString();
            return text ? Number::Parse(*text) : std::nullopt;
        }
        ++pos_;
        switch (code) {
            case 0xcc:
                return Unsigned(1);
            case 0xcd:
                return Unsigned(2);
            case 0xce:
                return Unsigned(4);
            case 0xcf:
                return Unsigned(8);
            case 0xd0:
                return Signed(1);
            case 0xd1:
                return Signed(2);
            case 0xd2:
                return Signed(4);
            case 0xd3:
                return Signed(8);
            case 0xca: {
                auto bits = BigEndian(4);
                if (!bits)
                    return std::nullopt;
                float value = 0;
                auto raw = static_cast<std::uint32_t>(*bits);
                std::memcpy(&value, &raw, sizeof value);
                return Number::FromDouble(value);
            }
            case 0xcb: {
                auto bits = BigEndian(8);
                if (!bits)
                    return std::nullopt;
                double value = 0;
                std::memcpy(&value, &*bits, sizeof value);
                return Number::FromDouble(value);
            }
            default:
                return FailNumber();
        }
    }

    [[nodiscard]] bool Failed() const { return failed_; }

private:
    std::optional<std::uint8_t> Byte() {
        if (failed_ || pos_ >= bytes_.size()) {
            Fail();
            return std::nullopt;
        }
        return static_cast<std::uint8_t>(bytes_[pos_++]);
    }

    std::optional<std::uint64_t> BigEndian(std::size_t width) {
        if (failed_ || width > bytes_.size() - pos_)
            return Fail();
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < width; ++i) {
            value = (value << 8U) | static_cast<std::uint8_t>(bytes_[pos_++]);
        }
        return value;
    }

    std::optional<Number> Unsigned(std::size_t width) {
        auto value = BigEndian(width);
        return value ? std::optional<Number>(Number::FromUnsigned(*value)) : std::nullopt;
    }

    std::optional<Number> Signed(std::size_t width) {
        auto value = BigEndian(width);
        if (!value)
            return std::nullopt;
        // Sign-extend from the encoded width.
        const unsigned shift = 64U - static_cast<unsigned>(width) * 8U;
        const auto extended = static_cast<std::int64_t>(*value << shift) >> shift;
        return Number::FromInt(extended);
    }

    std::optional<std::uint64_t> Fail() {
        failed_ = true;
        return std::nullopt;
    }

    std::optional<Number> FailNumber() {
        failed_ = true;
        return std::nullopt;
    }

    std::string_view bytes_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

std::optional<UnknownRefinements::NumberBound> ReadBound(Reader& reader) {
    if (reader.ReadArrayLength() != 2)
        return std::nullopt;
    auto value = reader.ReadNumber();
    auto inclusive = reader.ReadBool();
    if (!value || !inclusive)
        return std::nullopt;
    return UnknownRefinements::NumberBound{*value, *inclusive};
}

}  // namespace

UnknownRefinements ParseRefinements(std::string_view payload) {
    UnknownRefinements refinements;
    if (payload.size() > kMaxPayload) {
        return refinements;
    }
    Reader reader(payload);
    auto entries = reader.ReadMapLength();
    for (std::uint64_t i = 0; entries && i < *entries && !reader.Failed(); ++i) {
        auto key = reader.ReadInt();
        if (!key)
            break;
        switch (*key) {
            case kNullness:
                if (auto may_be_null = reader.ReadBool())
                    refinements.definitely_not_null = !*may_be_null;
                break;
            case kStringPrefix:
                refinements.string_prefix = reader.ReadString();
                break;
            case kNumberLowerBound:
                refinements.number_lower_bound = ReadBound(reader);
                break;
            case kNumberUpperBound:
                refinements.number_upper_bound = ReadBound(reader);
                break;
            case kLengthLowerBound:
                refinements.collection_length_min = reader.ReadInt();
                break;
            case kLengthUpperBound:
                refinements.collection_length_max = reader.ReadInt();
                break;
            default:
                // A key we do not know has a value we cannot skip safely without knowing its
                // form; stop here and keep what we have.
                return refinements;
        }
    }
    return refinements;
}

}  // namespace tfplugin::detail
