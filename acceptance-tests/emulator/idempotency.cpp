#include "acceptance-tests/emulator/idempotency.hpp"

#include <utility>

namespace emulator {

std::string IdempotencyScope(const httplib::Request& request) {
    const auto key = request.get_header_value("Idempotency-Key");
    const bool mutating =
        request.method == "POST" || request.method == "PATCH" || request.method == "DELETE" || request.method == "PUT";
    if (key.empty() || !mutating)
        return "";
    return request.method + " " + request.path + " " + key;
}

KeysInFlight::Hold::Hold(Hold&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)), key_(std::move(other.key_)) {}

KeysInFlight::Hold& KeysInFlight::Hold::operator=(Hold&& other) noexcept {
    if (this != &other) {
        Release();
        owner_ = std::exchange(other.owner_, nullptr);
        key_ = std::move(other.key_);
    }
    return *this;
}

KeysInFlight::Hold::~Hold() {
    Release();
}

void KeysInFlight::Hold::Release() {
    if (owner_ != nullptr)
        std::exchange(owner_, nullptr)->Release(key_);
}

KeysInFlight::Hold KeysInFlight::Acquire(const std::string& key) {
    std::unique_lock lock(mutex_);
    released_.wait(lock, [&] { return held_.count(key) == 0; });
    held_.insert(key);
    return Hold(this, key);
}

void KeysInFlight::Release(const std::string& key) {
    {
        std::lock_guard lock(mutex_);
        held_.erase(key);
    }
    released_.notify_all();
}

}  // namespace emulator
