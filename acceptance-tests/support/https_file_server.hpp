#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "test_support/temp_dir.hpp"

namespace httplib {
class SSLServer;
}

namespace acceptance {

/// A static HTTPS server on loopback over a folder, with a fresh self-signed certificate for
/// 127.0.0.1 and localhost: what a provider network mirror is served from. Clients trust it
/// through SSL_CERT_FILE=CertificateFile(), as users trust a private CA.
class HttpsFileServer {
public:
    explicit HttpsFileServer(const std::filesystem::path& root);
    HttpsFileServer(const HttpsFileServer&) = delete;
    HttpsFileServer& operator=(const HttpsFileServer&) = delete;
    ~HttpsFileServer();

    /// https://127.0.0.1:<port>/
    [[nodiscard]] std::string Url() const;
    [[nodiscard]] const std::filesystem::path& CertificateFile() const { return certificate_; }
    /// How many requests it answered, by path.
    [[nodiscard]] int RequestsFor(const std::string& path) const;

private:
    test_support::TempDir keys_;
    std::filesystem::path certificate_;
    std::unique_ptr<httplib::SSLServer> server_;
    int port_ = 0;
    std::thread thread_;
    struct Log;
    std::unique_ptr<Log> log_;
};

}  // namespace acceptance
