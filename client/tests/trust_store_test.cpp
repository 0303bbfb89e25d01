#include "client/http/trust_store.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace ycloud::http {
namespace {

struct FakeMachine {
    std::map<std::string, std::string> environment;
    std::set<std::string> files;

    TrustStore Find() const {
        return FindTrustStore(
            [this](const std::string& name) -> std::optional<std::string> {
                const auto found = environment.find(name);
                if (found == environment.end())
                    return std::nullopt;
                return found->second;
            },
            [this](const std::string& path) { return files.count(path) > 0; });
    }
};

TEST(TrustStore, DebianAndUbuntuBundle) {
    FakeMachine machine;
    machine.files = {"/etc/ssl/certs/ca-certificates.crt", "/etc/ssl/cert.pem"};
    EXPECT_EQ(machine.Find().bundle_file, "/etc/ssl/certs/ca-certificates.crt");
    EXPECT_EQ(machine.Find().directory, "");
}

TEST(TrustStore, FedoraBundle) {
    FakeMachine machine;
    machine.files = {"/etc/pki/tls/certs/ca-bundle.crt"};
    EXPECT_EQ(machine.Find().bundle_file, "/etc/pki/tls/certs/ca-bundle.crt");
}

TEST(TrustStore, AlpineWithOnlyCertPem) {
    FakeMachine machine;
    machine.files = {"/etc/ssl/cert.pem"};
    EXPECT_EQ(machine.Find().bundle_file, "/etc/ssl/cert.pem");
}

TEST(TrustStore, EnvironmentWinsOverTheDistributionBundle) {
    FakeMachine machine;
    machine.files = {"/etc/ssl/certs/ca-certificates.crt"};
    machine.environment = {{"SSL_CERT_FILE", "/work/ca.pem"}};
    EXPECT_EQ(machine.Find().bundle_file, "/work/ca.pem");
    machine.environment = {{"SSL_CERT_DIR", "/work/certs:/other"}};
    EXPECT_EQ(machine.Find().bundle_file, "");
    EXPECT_EQ(machine.Find().directory, "/work/certs");
}

TEST(TrustStore, NothingFoundLeavesLibcurlsDefault) {
    FakeMachine machine;
    machine.environment = {{"SSL_CERT_FILE", ""}};
    const auto store = machine.Find();
    EXPECT_EQ(store.bundle_file, "");
    EXPECT_EQ(store.directory, "");
}

}  // namespace
}  // namespace ycloud::http
