#include "acceptance-tests/emulator/tls_certificate.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace emulator {

namespace {

void AddExtension(X509* cert, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    X509_add_ext(cert, extension, -1);
    X509_EXTENSION_free(extension);
}

std::string TemporaryPath(const char* name) {
    return (std::filesystem::temp_directory_path() / ("yc-emulator-" + std::to_string(getpid()) + "-" + name)).string();
}

}  // namespace

CertificateFiles WriteSelfSignedCertificate(const std::string& certificate_path) {
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
    if (!key || !cert)
        throw std::runtime_error("cannot create a TLS certificate");
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 7L * 24 * 3600);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_set_pubkey(cert.get(), key.get());
    AddExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    AddExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1");
    X509_sign(cert.get(), key.get(), EVP_sha256());

    CertificateFiles files{certificate_path.empty() ? TemporaryPath("cert.pem") : certificate_path,
                           TemporaryPath("key.pem")};
    std::unique_ptr<FILE, decltype(&std::fclose)> cert_file(std::fopen(files.certificate_path.c_str(), "w"),
                                                            std::fclose);
    std::unique_ptr<FILE, decltype(&std::fclose)> key_file(std::fopen(files.key_path.c_str(), "w"), std::fclose);
    if (!cert_file || !key_file)
        throw std::runtime_error("cannot write the TLS certificate files");
    std::filesystem::permissions(files.key_path,
                                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    PEM_write_X509(cert_file.get(), cert.get());
    PEM_write_PrivateKey(key_file.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return files;
}

}  // namespace emulator
