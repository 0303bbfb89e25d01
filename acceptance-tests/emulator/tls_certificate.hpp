#pragma once

#include <string>

namespace emulator {

struct CertificateFiles {
    std::string certificate_path;
    std::string key_path;
};

/// Generates a self-signed certificate for 127.0.0.1 and localhost and writes it (PEM) to
/// `certificate_path` (a temporary file when empty), with its key in a private temporary file.
CertificateFiles WriteSelfSignedCertificate(const std::string& certificate_path);

}  // namespace emulator
