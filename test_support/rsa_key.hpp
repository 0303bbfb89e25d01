#pragma once

#include <string>

namespace test_support {

/// A fresh RSA 2048 key pair in PEM: PKCS#8 private key and SubjectPublicKeyInfo public key,
/// the forms of a Yandex Cloud authorized key file.
struct RsaKeyPair {
    std::string private_pem;
    std::string public_pem;
};

RsaKeyPair GenerateRsaKeyPair();

}  // namespace test_support
