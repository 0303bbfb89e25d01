#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "client/context.hpp"
#include "client/http/http_types.hpp"
#include "client/http/trust_store.hpp"
#include "client/result.hpp"

namespace ycloud::http {

struct TransportOptions {
    static constexpr int kDefaultConnectionPoolSize = 16;

    std::string user_agent;
    bool verify_tls = true;  ///< false only with the provider's `insecure`
    std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
    std::chrono::milliseconds attempt_timeout = std::chrono::seconds(60);  ///< one request, not the whole call
    TrustStore trust_store;                                                ///< empty: libcurl's compiled-in default
    /// How many connections are kept open for reuse. Terraform runs up to `-parallelism` (10 by
    /// default) calls at once and does not tell the provider, so this should be at least that:
    /// with fewer, every call beyond the pool closes the oldest connection and the next call
    /// opens (and with TLS, handshakes) a new one.
    int connection_pool_size = kDefaultConnectionPoolSize;
};

/// Sends single HTTP requests with libcurl. One transport serves the whole provider process and
/// any number of threads: its transfers share one connection cache of `connection_pool_size`
/// connections (kept alive between calls), DNS cache and TLS sessions. A request ends early, as a CANCELLED error, when
/// the context's stop token is requested, and never outlives the context's deadline.
class CurlTransport {
public:
    explicit CurlTransport(TransportOptions options);
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;
    ~CurlTransport();

    /// One attempt; network failures come back as errors with http_status 0.
    Result<Response> Perform(const Request& request, const Context& context);

private:
    struct Shared;
    TransportOptions options_;
    std::unique_ptr<Shared> shared_;
};

}  // namespace ycloud::http
