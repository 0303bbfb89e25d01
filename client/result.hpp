#pragma once

#include <stdexcept>
#include <utility>
#include <variant>

#include "client/error.hpp"

namespace ycloud {

/// A value or the Error that prevented it. Expected failures travel as values, never as
/// exceptions; asking a failed Result for its value is a bug and throws std::logic_error.
template <typename T>
class Result {
public:
    Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit by design
    Result(Error error) : data_(std::in_place_index<1>, std::move(error)) {}  // NOLINT: implicit by design

    [[nodiscard]] bool Ok() const { return data_.index() == 0; }
    explicit operator bool() const { return Ok(); }

    [[nodiscard]] const T& Value() const& { return Checked(); }
    [[nodiscard]] T& Value() & { return const_cast<T&>(Checked()); }
    [[nodiscard]] T&& Value() && { return std::move(const_cast<T&>(Checked())); }
    [[nodiscard]] const Error& GetError() const {
        if (Ok())
            throw std::logic_error("ycloud::Result: no error in a successful result");
        return std::get<1>(data_);
    }

private:
    const T& Checked() const {
        if (!Ok())
            throw std::logic_error("ycloud::Result: value of a failed result: " + std::get<1>(data_).ToString());
        return std::get<0>(data_);
    }

    std::variant<T, Error> data_;
};

/// For calls that return nothing but may fail.
struct Done {};

}  // namespace ycloud
