#pragma once

#include <functional>
#include <optional>
#include <string>

namespace ycloud::http {

/// The certificates TLS connections are verified against. Empty fields leave libcurl's default.
struct TrustStore {
    std::string bundle_file;  ///< CURLOPT_CAINFO
    std::string directory;    ///< CURLOPT_CAPATH
};

/// Reads an environment variable; empty when unset.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
using FileExists = std::function<bool(const std::string& path)>;

/// Finds the machine's trust store the way Go's crypto/x509 does, so the provider trusts what
/// Terraform itself trusts on the same machine: SSL_CERT_FILE and SSL_CERT_DIR when set, else the
/// first CA bundle found where the common Linux distributions keep it (Debian and Ubuntu, Fedora
/// and RHEL, openSUSE, Alpine...). A libcurl built elsewhere has another distribution's path
/// compiled in, or none at all (the release binary), so relying on its default would fail on
/// every other distribution.
TrustStore FindTrustStore(const EnvironmentLookup& environment, const FileExists& exists);

/// The same, for this process's environment and file system.
TrustStore FindSystemTrustStore();

}  // namespace ycloud::http
