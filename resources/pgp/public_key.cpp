#include "resources/pgp/public_key.hpp"

#include <absl/strings/escaping.h>
#include <fcntl.h>
#include <rnp/rnp.h>
#include <rnp/rnp_err.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <optional>

#include "resources/pgp/crypto_backend.hpp"

namespace provider::pgp {

namespace {

constexpr std::string_view kArmorHeader = "-----BEGIN PGP";
constexpr std::string_view kKeybasePrefix = "keybase:";

struct FfiDeleter {
    void operator()(rnp_ffi_st* ffi) const { rnp_ffi_destroy(ffi); }
};
struct InputDeleter {
    void operator()(rnp_input_st* input) const { rnp_input_destroy(input); }
};
struct KeyDeleter {
    void operator()(rnp_key_handle_st* key) const { rnp_key_handle_destroy(key); }
};
struct BufferDeleter {
    void operator()(char* buffer) const { rnp_buffer_destroy(buffer); }
};
struct OutputDeleter {
    void operator()(rnp_output_st* output) const { rnp_output_destroy(output); }
};
struct EncryptDeleter {
    void operator()(rnp_op_encrypt_st* op) const { rnp_op_encrypt_destroy(op); }
};
using Ffi = std::unique_ptr<rnp_ffi_st, FfiDeleter>;
using Input = std::unique_ptr<rnp_input_st, InputDeleter>;
using Key = std::unique_ptr<rnp_key_handle_st, KeyDeleter>;
using Buffer = std::unique_ptr<char, BufferDeleter>;

std::string_view Trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    return text;
}

std::string Lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

bool CanEncrypt(rnp_key_handle_t key) {
    bool allowed = false;
    bool revoked = false;
    return rnp_key_allows_usage(key, "encrypt", &allowed) == RNP_SUCCESS && allowed &&
           rnp_key_is_revoked(key, &revoked) == RNP_SUCCESS && !revoked;
}

}  // namespace

struct PublicKey::Impl {
    Ffi ffi;
    std::string fingerprint;
};

PublicKey::PublicKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PublicKey::PublicKey(PublicKey&&) noexcept = default;
PublicKey& PublicKey::operator=(PublicKey&&) noexcept = default;
PublicKey::~PublicKey() = default;

const std::string& PublicKey::Fingerprint() const {
    return impl_->fingerprint;
}

bool IsKeybaseReference(std::string_view text) {
    return text.substr(0, kKeybasePrefix.size()) == kKeybasePrefix;
}

std::variant<PublicKey, std::string> PublicKey::Parse(std::string_view text) {
    const auto trimmed = Trim(text);
    std::string key_bytes;
    if (trimmed.substr(0, kArmorHeader.size()) == kArmorHeader) {
        key_bytes = std::string(trimmed);
    } else if (!trimmed.empty() &&
               absl::Base64Unescape(absl::string_view(trimmed.data(), trimmed.size()), &key_bytes)) {
        // abseil skips line breaks and other whitespace: keys are often pasted wrapped.
    } else {
        return std::string(
            "it is neither base64 (of a binary or ASCII-armored key) nor an ASCII-armored key beginning with "
            "\"-----BEGIN PGP PUBLIC KEY BLOCK-----\"");
    }
    if (key_bytes.find("PRIVATE KEY BLOCK") != std::string::npos) {
        return std::string("it is a private key; give the public key only (gpg --export, not --export-secret-keys)");
    }

    PrepareCryptoBackend();
    rnp_ffi_t raw_ffi = nullptr;
    if (rnp_ffi_create(&raw_ffi, "GPG", "GPG") != RNP_SUCCESS) {
        return std::string("the OpenPGP library could not be initialised");
    }
    auto impl = std::make_unique<Impl>();
    impl->ffi.reset(raw_ffi);
    // librnp writes its own diagnostics to stderr, which Terraform would show as log noise; our
    // messages say what went wrong instead. librnp takes the descriptor over and closes it with
    // the context, so each context gets its own: a shared one would be closed by the first
    // context to go, and later contexts would write to, then close, whatever descriptor had
    // taken its number meanwhile (a gRPC connection, say).
    if (const int discard = open("/dev/null", O_WRONLY | O_CLOEXEC); discard >= 0) {
        if (rnp_ffi_set_log_fd(raw_ffi, discard) != RNP_SUCCESS)
            close(discard);
    }

    rnp_input_t raw_input = nullptr;
    rnp_input_from_memory(&raw_input, reinterpret_cast<const uint8_t*>(key_bytes.data()), key_bytes.size(), false);
    Input input(raw_input);
    char* raw_results = nullptr;
    const auto imported =
        rnp_import_keys(impl->ffi.get(), input.get(), RNP_LOAD_SAVE_PUBLIC_KEYS | RNP_LOAD_SAVE_SINGLE, &raw_results);
    Buffer results(raw_results);
    if (imported != RNP_SUCCESS || results == nullptr) {
        return std::string("it does not contain an OpenPGP public key (") + rnp_result_to_string(imported) + ")";
    }

    // The first imported key is the primary key; its subkeys follow.
    const auto report = nlohmann::json::parse(results.get(), nullptr, false);
    if (!report.is_object() || !report.contains("keys") || report["keys"].empty()) {
        return std::string("it does not contain an OpenPGP public key");
    }
    const auto primary_fingerprint = report["keys"][0].value("fingerprint", "");
    rnp_key_handle_t raw_key = nullptr;
    rnp_locate_key(impl->ffi.get(), "fingerprint", primary_fingerprint.c_str(), &raw_key);
    Key primary(raw_key);
    if (!primary) {
        return std::string("it does not contain an OpenPGP public key");
    }
    bool can_encrypt = CanEncrypt(primary.get());
    size_t subkeys = 0;
    rnp_key_get_subkey_count(primary.get(), &subkeys);
    for (size_t i = 0; i < subkeys && !can_encrypt; ++i) {
        rnp_key_handle_t raw_subkey = nullptr;
        rnp_key_get_subkey_at(primary.get(), i, &raw_subkey);
        Key subkey(raw_subkey);
        can_encrypt = subkey && CanEncrypt(subkey.get());
    }
    if (!can_encrypt) {
        return std::string("the key " + Lowercase(primary_fingerprint) +
                           " has no usable encryption key (it is revoked or made for signing only)");
    }
    impl->fingerprint = Lowercase(primary_fingerprint);
    return PublicKey(std::move(impl));
}

std::optional<std::string> PublicKey::Encrypt(std::string_view plaintext, std::string& problem) const {
    rnp_input_t raw_input = nullptr;
    rnp_input_from_memory(&raw_input, reinterpret_cast<const uint8_t*>(plaintext.data()), plaintext.size(), false);
    Input input(raw_input);
    rnp_output_t raw_output = nullptr;
    rnp_output_to_memory(&raw_output, 0);
    std::unique_ptr<rnp_output_st, OutputDeleter> output(raw_output);
    rnp_op_encrypt_t raw_op = nullptr;
    if (!input || !output ||
        rnp_op_encrypt_create(&raw_op, impl_->ffi.get(), input.get(), output.get()) != RNP_SUCCESS) {
        problem = "the OpenPGP library could not start encrypting";
        return std::nullopt;
    }
    std::unique_ptr<rnp_op_encrypt_st, EncryptDeleter> op(raw_op);
    rnp_key_handle_t raw_key = nullptr;
    rnp_locate_key(impl_->ffi.get(), "fingerprint", impl_->fingerprint.c_str(), &raw_key);
    Key key(raw_key);
    // Plain CFB with MDC and AES-256: what every GnuPG decrypts (GnuPG 2.2 reads no AEAD packets).
    // Given the primary key, rnp encrypts to its encryption subkey.
    if (!key || rnp_op_encrypt_add_recipient(op.get(), key.get()) != RNP_SUCCESS ||
        rnp_op_encrypt_set_aead(op.get(), "None") != RNP_SUCCESS ||
        rnp_op_encrypt_set_cipher(op.get(), "AES256") != RNP_SUCCESS ||
        rnp_op_encrypt_execute(op.get()) != RNP_SUCCESS) {
        problem = "encrypting to key " + impl_->fingerprint + " failed";
        return std::nullopt;
    }
    uint8_t* data = nullptr;
    size_t length = 0;
    rnp_output_memory_get_buf(output.get(), &data, &length, false);
    return std::string(reinterpret_cast<const char*>(data), length);
}

}  // namespace provider::pgp
