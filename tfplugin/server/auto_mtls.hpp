#pragma once

#include <string>

namespace tfplugin::server {

/// A fresh self-signed server certificate for go-plugin's AutoMTLS. Terraform trusts exactly
/// this certificate (sent in the handshake line) and checks the name `localhost`, so it carries
/// SAN DNS:localhost and both server and client authentication usages.
struct ServerCertificate {
    std::string certificate_pem;
    std::string private_key_pem;
    /// The DER encoding in standard base64 without padding, as the handshake line wants it.
    std::string certificate_der_base64;
};

/// Generates an ECDSA P-256 key and certificate. Throws std::runtime_error if OpenSSL fails.
ServerCertificate GenerateServerCertificate();

}  // namespace tfplugin::server
