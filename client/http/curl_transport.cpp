#include "client/http/curl_transport.hpp"

#include <curl/curl.h>
#include <openssl/crypto.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <mutex>
#include <vector>

namespace ycloud::http {

namespace {

// libcurl wants curl_global_init once, before any thread uses it.
void InitialiseCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct HeaderListDeleter {
    // libcurl copied each line, the Authorization one with the IAM token too: wiped before freed.
    void operator()(curl_slist* list) const {
        for (auto* item = list; item != nullptr; item = item->next)
            OPENSSL_cleanse(item->data, std::strlen(item->data));
        curl_slist_free_all(list);
    }
};
using HeaderList = std::unique_ptr<curl_slist, HeaderListDeleter>;

size_t CollectBody(char* data, size_t size, size_t count, void* user) {
    static_cast<WipedString*>(user)->append(data, size * count);
    return size * count;
}

size_t CollectHeader(char* data, size_t size, size_t count, void* user) {
    const std::string line(data, size * count);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        auto value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r\n") + 1);
        (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
    }
    return size * count;
}

// How often a running transfer looks at its stop token. libcurl's own progress callback runs
// only about once a second while a connection is idle, too slow for Ctrl-C.
constexpr int kStopCheckMilliseconds = 50;

struct MultiDeleter {
    void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;

// An easy handle with the multi handle that drives it, reused together from call to call.
struct Transfer {
    EasyHandle easy;
    MultiHandle multi;
};

// Runs one transfer on its multi handle so the stop token is checked between short polls.
CURLcode PerformStoppable(const Transfer& transfer, const std::stop_token& stop) {
    CURL* curl = transfer.easy.get();
    CURLM* multi = transfer.multi.get();
    curl_multi_add_handle(multi, curl);
    int running = 1;
    CURLcode result = CURLE_OK;
    while (running > 0) {
        if (curl_multi_perform(multi, &running) != CURLM_OK) {
            result = CURLE_FAILED_INIT;
            break;
        }
        if (running > 0) {
            if (stop.stop_requested()) {
                result = CURLE_ABORTED_BY_CALLBACK;
                break;
            }
            curl_multi_poll(multi, nullptr, 0, kStopCheckMilliseconds, nullptr);
        }
    }
    int queued = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &queued)) {
        if (message->msg == CURLMSG_DONE && result == CURLE_OK)
            result = message->data.result;
    }
    curl_multi_remove_handle(multi, curl);
    return result;
}

// What the transfer got to before it failed.
struct TransferProgress {
    bool connected = false;     ///< a connection (TLS included) was established
    bool request_sent = false;  ///< some of the request went out on it
};

TransferProgress ProgressOf(CURL* curl) {
    curl_off_t connect_time = 0;
    long request_size = 0;
    curl_easy_getinfo(curl, CURLINFO_APPCONNECT_TIME_T, &connect_time);
    if (connect_time == 0)
        curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connect_time);  // plain HTTP has no TLS step
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &request_size);
    return {connect_time > 0, request_size > 0};
}

// How far a failed transfer got: a mutating call whose request went out may have taken effect.
Delivery DeliveryOf(CURLcode code, const TransferProgress& progress) {
    switch (code) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
        case CURLE_COULDNT_CONNECT:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
            return Delivery::kUnreachable;
        default:
            break;
    }
    if (progress.request_sent)
        return Delivery::kAnswerLost;
    return progress.connected ? Delivery::kNotSent : Delivery::kUnreachable;
}

Error TransportError(CURLcode code, const std::string& detail, const Request& request, TransferProgress progress) {
    Error error;
    error.retryable = true;
    error.delivery = DeliveryOf(code, progress);
    switch (code) {
        case CURLE_ABORTED_BY_CALLBACK:
            error.code = GrpcCode::kCancelled;
            error.message = "the call was cancelled";
            error.retryable = false;
            if (error.delivery == Delivery::kUnreachable)
                error.delivery = Delivery::kNotSent;  // stopped while connecting, not refused
            return error;
        case CURLE_OPERATION_TIMEDOUT:
            error.code = GrpcCode::kDeadlineExceeded;
            break;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
            error.code = GrpcCode::kUnavailable;
            error.retryable = false;  // a certificate will not become valid by asking again
            break;
        case CURLE_SSL_CONNECT_ERROR:
            error.code = GrpcCode::kUnavailable;
            // OpenSSL's words when the first bytes back are not TLS: a plain HTTP server.
            error.server_speaks_plain_http = detail.find("wrong version number") != std::string::npos;
            error.retryable = !error.server_speaks_plain_http;
            break;
        default:
            error.code = GrpcCode::kUnavailable;
    }
    // The URL carries no secrets (tokens go in headers), so it may be shown.
    error.message = request.method + " " + request.url + " failed: " + curl_easy_strerror(code) +
                    (detail.empty() ? "" : " (" + detail + ")");
    return error;
}

}  // namespace

/// State every transfer shares, and a pool of idle transfers to reuse.
struct CurlTransport::Shared {
    CURLSH* share = nullptr;
    std::array<std::mutex, CURL_LOCK_DATA_LAST> locks;
    long connection_pool_size;
    std::mutex pool_mutex;
    std::vector<Transfer> idle;

    explicit Shared(int pool_size) : connection_pool_size(std::max(1, pool_size)) {
        share = curl_share_init();
        curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_CONNECT);
        curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
        curl_share_setopt(share, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
        curl_share_setopt(share, CURLSHOPT_USERDATA, this);
        curl_share_setopt(share, CURLSHOPT_LOCKFUNC, &Lock);
        curl_share_setopt(share, CURLSHOPT_UNLOCKFUNC, &Unlock);
    }
    ~Shared() {
        idle.clear();  // transfers first: they hold references into the share
        curl_share_cleanup(share);
    }

    static void Lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
        static_cast<Shared*>(user)->locks.at(static_cast<size_t>(data)).lock();
    }
    static void Unlock(CURL*, curl_lock_data data, void* user) {
        static_cast<Shared*>(user)->locks.at(static_cast<size_t>(data)).unlock();
    }

    Transfer Take() {
        {
            std::lock_guard lock(pool_mutex);
            if (!idle.empty()) {
                auto transfer = std::move(idle.back());
                idle.pop_back();
                curl_easy_reset(transfer.easy.get());
                return transfer;
            }
        }
        Transfer transfer{EasyHandle(curl_easy_init()), MultiHandle(curl_multi_init())};
        // The shared connection cache is trimmed to the limit of whichever multi handle returns
        // a connection to it. libcurl's default is 4 per easy handle in that multi, here 4 in
        // all: beyond 4 calls at once, each call would close a connection another just opened.
        curl_multi_setopt(transfer.multi.get(), CURLMOPT_MAXCONNECTS, connection_pool_size);
        return transfer;
    }
    void Give(Transfer transfer) {
        std::lock_guard lock(pool_mutex);
        idle.push_back(std::move(transfer));
    }
};

CurlTransport::CurlTransport(TransportOptions options) : options_(std::move(options)) {
    InitialiseCurlOnce();
    shared_ = std::make_unique<Shared>(options_.connection_pool_size);
}

CurlTransport::~CurlTransport() = default;

Result<Response> CurlTransport::Perform(const Request& request, const Context& context) {
    const auto remaining = context.Remaining();
    if (remaining.count() <= 0) {
        Error error;
        error.code = GrpcCode::kDeadlineExceeded;
        error.message = "the time allowed for " + request.method + " " + request.url + " ran out";
        error.delivery = Delivery::kNotSent;
        return error;
    }
    auto transfer = shared_->Take();
    CURL* curl = transfer.easy.get();
    Response response;
    HeaderList headers;
    for (const auto& [name, value] : request.headers) {
        // Built in a wiping buffer: the Authorization line holds the IAM token.
        WipedString line(name.begin(), name.end());
        line += ": ";
        line.append(value.begin(), value.end());
        headers.reset(curl_slist_append(headers.release(), line.c_str()));
    }
    // libcurl adds "Expect: 100-continue" to larger bodies, costing a round trip; we never want it.
    headers.reset(curl_slist_append(headers.release(), "Expect:"));
    char error_buffer[CURL_ERROR_SIZE] = {};
    const auto timeout = std::min(remaining, options_.attempt_timeout);

    curl_easy_setopt(curl, CURLOPT_SHARE, shared_->share);
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (!request.body.empty() || request.method == "POST" || request.method == "PATCH") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, std::max(1L, static_cast<long>(timeout.count())));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, options_.verify_tls ? 1L : 0L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, options_.verify_tls ? 2L : 0L);
    if (!options_.trust_store.bundle_file.empty())
        curl_easy_setopt(curl, CURLOPT_CAINFO, options_.trust_store.bundle_file.c_str());
    if (!options_.trust_store.directory.empty())
        curl_easy_setopt(curl, CURLOPT_CAPATH, options_.trust_store.directory.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &CollectBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &CollectHeader);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);

    const CURLcode code = PerformStoppable(transfer, context.stop);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    const auto progress = ProgressOf(curl);
    shared_->Give(std::move(transfer));
    if (code != CURLE_OK) {
        return TransportError(code, error_buffer, request, progress);
    }
    response.status = static_cast<int>(status);
    return response;
}

}  // namespace ycloud::http
