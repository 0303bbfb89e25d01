#include "tfplugin/server/auto_mtls.hpp"

#include <absl/strings/escaping.h>
#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace tfplugin::server {

namespace {

// go-plugin's own certificates last 30 years; the process lives minutes, so the exact span
// does not matter as long as clock skew between Terraform and us cannot make it not yet valid.
constexpr long kBackdateSeconds = 30;
constexpr long kValiditySeconds = 30L * 365 * 24 * 3600;

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T* pointer) const {
        Free(pointer);
    }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

void Check(bool ok, const char* what) {
    if (!ok) {
        throw std::runtime_error(std::string("AutoMTLS certificate: ") + what + " failed");
    }
}

void AddExtension(X509* cert, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    Check(extension != nullptr, "creating an extension");
    Check(X509_add_ext(cert, extension.get(), -1) == 1, "adding an extension");
}

std::string ReadBio(BIO* bio) {
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(length));
}

// go-plugin reads the certificate with Go's RawStdEncoding: standard base64 without padding.
std::string Base64NoPadding(const unsigned char* data, int length) {
    auto encoded =
        absl::Base64Escape(absl::string_view(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length)));
    while (!encoded.empty() && encoded.back() == '=')
        encoded.pop_back();
    return encoded;
}

}  // namespace

ServerCertificate GenerateServerCertificate() {
    KeyPtr key(EVP_EC_gen("P-256"));
    Check(key != nullptr, "generating the key");

    CertPtr cert(X509_new());
    Check(cert != nullptr, "allocating the certificate");
    Check(X509_set_version(cert.get(), 2) == 1, "setting the version");

    unsigned char serial_bytes[16];
    Check(RAND_bytes(serial_bytes, sizeof serial_bytes) == 1, "drawing a serial number");
    serial_bytes[0] &= 0x7fU;  // serial numbers must be positive
    std::unique_ptr<BIGNUM, Deleter<BN_free>> serial(BN_bin2bn(serial_bytes, sizeof serial_bytes, nullptr));
    Check(serial && BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) != nullptr,
          "setting the serial");

    Check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) != nullptr, "setting notBefore");
    Check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds) != nullptr, "setting notAfter");

    X509_NAME* name = X509_get_subject_name(cert.get());
    const auto add_name = [name](const char* field, const char* value) {
        Check(X509_NAME_add_entry_by_txt(
                  name, field, MBSTRING_ASC, reinterpret_cast<const unsigned char*>(value), -1, -1, 0) == 1,
              "setting the subject");
    };
    add_name("O", "terraform-provider");
    add_name("CN", "localhost");
    Check(X509_set_issuer_name(cert.get(), name) == 1, "setting the issuer");
    Check(X509_set_pubkey(cert.get(), key.get()) == 1, "setting the public key");

    AddExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    AddExtension(cert.get(), NID_key_usage, "critical,digitalSignature,keyEncipherment,keyAgreement,keyCertSign");
    AddExtension(cert.get(), NID_ext_key_usage, "serverAuth,clientAuth");
    AddExtension(cert.get(), NID_subject_alt_name, "DNS:localhost");
    AddExtension(cert.get(), NID_subject_key_identifier, "hash");

    Check(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0, "signing");

    ServerCertificate result;
    BioPtr cert_bio(BIO_new(BIO_s_mem()));
    Check(cert_bio && PEM_write_bio_X509(cert_bio.get(), cert.get()) == 1, "writing the certificate");
    result.certificate_pem = ReadBio(cert_bio.get());

    BioPtr key_bio(BIO_new(BIO_s_mem()));
    Check(key_bio && PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "writing the key");
    result.private_key_pem = ReadBio(key_bio.get());

    unsigned char* der = nullptr;
    const int der_length = i2d_X509(cert.get(), &der);
    Check(der_length > 0, "encoding DER");
    result.certificate_der_base64 = Base64NoPadding(der, der_length);
    OPENSSL_free(der);
    return result;
}

}  // namespace tfplugin::server
