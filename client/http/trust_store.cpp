#include "client/http/trust_store.hpp"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace ycloud::http {

namespace {

// The bundles Go looks for (crypto/x509/root_linux.go), in the same order.
constexpr std::array<const char*, 6> kBundleFiles = {
    "/etc/ssl/certs/ca-certificates.crt",                 // Debian, Ubuntu, Gentoo, Arch
    "/etc/pki/tls/certs/ca-bundle.crt",                   // Fedora, RHEL 6
    "/etc/ssl/ca-bundle.pem",                             // openSUSE
    "/etc/pki/tls/cacert.pem",                            // OpenELEC
    "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  // CentOS, RHEL 7
    "/etc/ssl/cert.pem",                                  // Alpine
};

}  // namespace

TrustStore FindTrustStore(const EnvironmentLookup& environment, const FileExists& exists) {
    TrustStore store;
    const auto file = environment("SSL_CERT_FILE");
    const auto directory = environment("SSL_CERT_DIR");
    if ((file && !file->empty()) || (directory && !directory->empty())) {
        store.bundle_file = file.value_or("");
        // SSL_CERT_DIR may list several folders; libcurl takes one, so the first is used.
        store.directory = directory.value_or("").substr(0, directory.value_or("").find(':'));
        return store;
    }
    for (const char* candidate : kBundleFiles) {
        if (exists(candidate)) {
            store.bundle_file = candidate;
            break;
        }
    }
    return store;
}

TrustStore FindSystemTrustStore() {
    return FindTrustStore(
        [](const std::string& name) -> std::optional<std::string> {
            const char* value = std::getenv(name.c_str());
            if (value == nullptr)
                return std::nullopt;
            return std::string(value);
        },
        [](const std::string& path) {
            std::error_code error;
            return std::filesystem::is_regular_file(path, error);
        });
}

}  // namespace ycloud::http
