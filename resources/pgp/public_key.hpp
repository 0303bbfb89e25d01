#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace provider::pgp {

/// An OpenPGP public key that can encrypt, parsed with librnp. Accepts what users paste into
/// `pgp_key`: base64 of a binary key (what the official provider takes), base64 of an
/// ASCII-armored key, or the armored text itself.
class PublicKey {
public:
    /// Parses the key; on failure returns a message for the user saying what was wrong.
    static std::variant<PublicKey, std::string> Parse(std::string_view text);

    PublicKey(PublicKey&&) noexcept;
    PublicKey& operator=(PublicKey&&) noexcept;
    ~PublicKey();

    /// Lowercase hex of the primary key's fingerprint (40 characters for a v4 key).
    [[nodiscard]] const std::string& Fingerprint() const;

    /// Encrypts `plaintext` to this key as a binary OpenPGP message that GnuPG decrypts.
    /// Returns nothing, with the reason in `problem`, when encryption fails.
    [[nodiscard]] std::optional<std::string> Encrypt(std::string_view plaintext, std::string& problem) const;

private:
    struct Impl;
    explicit PublicKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// True when `pgp_key` names a Keybase user ("keybase:<user>") rather than holding a key.
bool IsKeybaseReference(std::string_view text);

}  // namespace provider::pgp
