#include "test_support/gpg.hpp"

#include <stdexcept>
#include <vector>

#include "test_support/process.hpp"

namespace test_support {

GpgKeyring::GpgKeyring() : home_("gnupg") {
    std::filesystem::permissions(home_.Path(), std::filesystem::perms::owner_all);
    Gpg({"--quick-generate-key", "Acceptance Test <acceptance@example.com>", "future-default", "default", "never"});
    const auto listing = Gpg({"--with-colons", "--list-keys"});
    const auto fpr = listing.find("\nfpr:");
    if (fpr == std::string::npos)
        throw std::runtime_error("gpg listed no fingerprint");
    const auto start = listing.find_first_not_of(':', fpr + 5);
    fingerprint_ = listing.substr(start, 40);
    for (auto& c : fingerprint_)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::string GpgKeyring::Gpg(const std::vector<std::string>& args, const std::string& input) const {
    std::vector<std::string> argv{
        "gpg", "--batch", "--yes", "--quiet", "--pinentry-mode", "loopback", "--passphrase", ""};
    argv.insert(argv.end(), args.begin(), args.end());
    ProcessOptions options;
    options.environment["GNUPGHOME"] = home_.Path().string();
    options.input = input;
    const auto result = RunProcess(argv, options);
    if (result.exit_code != 0) {
        throw std::runtime_error("gpg failed: " + result.err);
    }
    return result.out;
}

std::filesystem::path GpgKeyring::ExportBinary() const {
    const auto binary = home_.Path() / "public.gpg";
    std::filesystem::remove(binary);  // gpg will not overwrite it
    Gpg({"--output", binary.string(), "--export", fingerprint_});
    return binary;
}

std::string GpgKeyring::PublicKeyBase64() const {
    return RunProcess({"base64", "-w0", ExportBinary().string()}).out;
}

std::string GpgKeyring::PublicKeyBinary() const {
    return ReadFile(ExportBinary());
}

std::string GpgKeyring::PublicKeyArmored() const {
    return Gpg({"--armor", "--export", fingerprint_});
}

std::string GpgKeyring::DecryptBase64(const std::string& ciphertext_base64) const {
    const auto encrypted = home_.Write("message.b64", ciphertext_base64);
    const auto binary = home_.Path() / "message.gpg";
    const auto decoded =
        RunProcess({"sh", "-c", "base64 -d < '" + encrypted.string() + "' > '" + binary.string() + "'"});
    if (decoded.exit_code != 0)
        throw std::runtime_error("base64 -d failed");
    return Gpg({"--decrypt", binary.string()});
}

}  // namespace test_support
