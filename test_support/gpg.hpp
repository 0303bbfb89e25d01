#pragma once

#include <string>
#include <vector>

#include "test_support/temp_dir.hpp"

namespace test_support {

/// A throwaway GnuPG home with one fresh key pair (ed25519 signing, cv25519 encryption), made
/// by the real `gpg` so tests check our PGP handling against the tool users decrypt with.
class GpgKeyring {
public:
    GpgKeyring();

    /// The public key as the official provider takes it: base64 of the binary export.
    [[nodiscard]] std::string PublicKeyBase64() const;
    /// The public key as `gpg --export` writes it (binary).
    [[nodiscard]] std::string PublicKeyBinary() const;
    /// The public key as ASCII armor.
    [[nodiscard]] std::string PublicKeyArmored() const;
    /// 40 lowercase hex digits.
    [[nodiscard]] const std::string& Fingerprint() const { return fingerprint_; }
    /// Decrypts base64 of a binary OpenPGP message; returns the plaintext.
    [[nodiscard]] std::string DecryptBase64(const std::string& ciphertext_base64) const;

private:
    std::string Gpg(const std::vector<std::string>& args, const std::string& input = "") const;
    std::filesystem::path ExportBinary() const;

    TempDir home_;
    std::string fingerprint_;
};

}  // namespace test_support
