#pragma once

#include <httplib.h>

#include <condition_variable>
#include <mutex>
#include <set>
#include <string>

namespace emulator {

/// What an Idempotency-Key is remembered under: "METHOD /path key"; empty when the request is not
/// a mutating call with such a key.
std::string IdempotencyScope(const httplib::Request& request);

/// The Idempotency-Keys of requests being handled right now. A server with idempotency keys
/// handles one request per key at a time: a retry that arrives while the first attempt is still
/// being handled waits for it, then finds its answer remembered (or, when the first failed, is
/// handled itself). So checking for a remembered answer, running the handler and remembering its
/// answer can never interleave with another request carrying the same key.
class KeysInFlight {
public:
    /// Holds one key from Acquire until it is destroyed or released.
    class Hold {
    public:
        Hold() = default;
        Hold(Hold&& other) noexcept;
        Hold& operator=(Hold&& other) noexcept;
        Hold(const Hold&) = delete;
        Hold& operator=(const Hold&) = delete;
        ~Hold();

        void Release();

    private:
        friend class KeysInFlight;
        Hold(KeysInFlight* owner, std::string key) : owner_(owner), key_(std::move(key)) {}

        KeysInFlight* owner_ = nullptr;
        std::string key_;
    };

    /// Waits while another request holds `key`, then holds it.
    Hold Acquire(const std::string& key);

private:
    void Release(const std::string& key);

    std::mutex mutex_;
    std::condition_variable released_;
    std::set<std::string> held_;
};

}  // namespace emulator
