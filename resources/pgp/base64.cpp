#include "resources/pgp/base64.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>

namespace provider::pgp {

std::string EncodeBase64(std::string_view bytes) {
    std::string encoded(4 * ((bytes.size() + 2) / 3), '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()),
                                       reinterpret_cast<const unsigned char*>(bytes.data()),
                                       static_cast<int>(bytes.size()));
    encoded.resize(static_cast<std::size_t>(length));
    return encoded;
}

std::optional<std::string> DecodeBase64(std::string_view text) {
    std::string compact;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)))
            continue;
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '/' && c != '=')
            return std::nullopt;
        compact.push_back(c);
    }
    if (compact.empty() || compact.size() % 4 != 0)
        return std::nullopt;
    std::string decoded(compact.size() / 4 * 3, '\0');
    const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                                       reinterpret_cast<const unsigned char*>(compact.data()),
                                       static_cast<int>(compact.size()));
    if (length < 0)
        return std::nullopt;
    // EVP_DecodeBlock counts padding as zero bytes; drop them.
    const auto padding = static_cast<std::size_t>(std::count(compact.end() - 2, compact.end(), '='));
    decoded.resize(static_cast<std::size_t>(length) - padding);
    return decoded;
}

}  // namespace provider::pgp
