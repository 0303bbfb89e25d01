#include "acceptance-tests/support/https_file_server.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <mutex>

#include "test_support/process.hpp"

namespace acceptance {

using test_support::RunProcess;

struct HttpsFileServer::Log {
    std::mutex mutex;
    std::map<std::string, int> requests;
};

HttpsFileServer::HttpsFileServer(const std::filesystem::path& root) : keys_("https"), log_(std::make_unique<Log>()) {
    certificate_ = keys_.Path() / "certificate.pem";
    const auto key = keys_.Path() / "key.pem";
    const auto made = RunProcess({"openssl",
                                  "req",
                                  "-x509",
                                  "-newkey",
                                  "ec",
                                  "-pkeyopt",
                                  "ec_paramgen_curve:P-256",
                                  "-nodes",
                                  "-days",
                                  "1",
                                  "-subj",
                                  "/CN=localhost",
                                  "-addext",
                                  "subjectAltName=IP:127.0.0.1,DNS:localhost",
                                  "-keyout",
                                  key.string(),
                                  "-out",
                                  certificate_.string()});
    if (made.exit_code != 0)
        throw std::runtime_error("openssl req failed: " + made.err);
    server_ = std::make_unique<httplib::SSLServer>(certificate_.c_str(), key.c_str());
    if (!server_->is_valid())
        throw std::runtime_error("the HTTPS server did not take its certificate");
    if (!server_->set_mount_point("/", root.string()))
        throw std::runtime_error("cannot serve " + root.string());
    server_->set_logger([log = log_.get()](const httplib::Request& request, const httplib::Response&) {
        const std::lock_guard lock(log->mutex);
        ++log->requests[request.path];
    });
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

HttpsFileServer::~HttpsFileServer() {
    server_->stop();
    if (thread_.joinable())
        thread_.join();
}

std::string HttpsFileServer::Url() const {
    return "https://127.0.0.1:" + std::to_string(port_) + "/";
}

int HttpsFileServer::RequestsFor(const std::string& path) const {
    const std::lock_guard lock(log_->mutex);
    const auto found = log_->requests.find(path);
    return found == log_->requests.end() ? 0 : found->second;
}

}  // namespace acceptance
