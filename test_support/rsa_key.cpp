#include "test_support/rsa_key.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

#include "test_support/trace_capture.hpp"

namespace test_support {

RsaKeyPair GenerateRsaKeyPair() {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> private_bio(BIO_new(BIO_s_mem()), BIO_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> public_bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(private_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    PEM_write_bio_PUBKEY(public_bio.get(), key.get());
    const auto read = [](BIO* bio) {
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio, &data);
        return std::string(data, static_cast<std::size_t>(length));
    };
    RsaKeyPair pair{read(private_bio.get()), read(public_bio.get())};
    RecordSecret(pair.private_pem);  // it goes into key files the provider reads: no log may show it
    return pair;
}

}  // namespace test_support
