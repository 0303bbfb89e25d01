#pragma once

#include <openssl/crypto.h>

#include <memory>
#include <string>
#include <string_view>

namespace ycloud {

/// An allocator that wipes memory before giving it back, so secrets do not linger in freed heap.
template <typename T>
struct WipingAllocator {
    using value_type = T;
    WipingAllocator() = default;
    template <typename U>
    WipingAllocator(const WipingAllocator<U>& /*other*/) noexcept {}
    T* allocate(std::size_t count) { return std::allocator<T>().allocate(count); }
    void deallocate(T* pointer, std::size_t count) noexcept {
        OPENSSL_cleanse(pointer, count * sizeof(T));
        std::allocator<T>().deallocate(pointer, count);
    }
    template <typename U>
    bool operator==(const WipingAllocator<U>& /*other*/) const noexcept {
        return true;
    }
};

/// A string whose every buffer is wiped when released, growth included: for text that may carry a
/// secret on its way through (an HTTP body).
using WipedString = std::basic_string<char, std::char_traits<char>, WipingAllocator<char>>;

/// A secret (token, key, API key value). Its memory is wiped on release, and it has no stream
/// or format operator, so it cannot be logged by accident: reading it takes an explicit Reveal().
class SecretString {
public:
    SecretString() = default;
    explicit SecretString(std::string_view value) : value_(value.begin(), value.end()) {}

    [[nodiscard]] std::string_view Reveal() const { return {value_.data(), value_.size()}; }
    [[nodiscard]] bool Empty() const { return value_.empty(); }

    friend bool operator==(const SecretString& a, const SecretString& b) { return a.value_ == b.value_; }

private:
    WipedString value_;
};

}  // namespace ycloud
