#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"

namespace httplib {
class Client;
}

namespace acceptance {

/// The yc-emulator binary, started on a free loopback port with a seed, for tests that drive
/// terraform against it. Stopped when destroyed.
class EmulatorProcess {
public:
    static constexpr const char* kServiceAccount = "aje6o61dvog2h6g9a33s";
    static constexpr const char* kSecondServiceAccount = "ajesecondaccount0001";
    static constexpr const char* kOAuthToken = "y0_acceptance-oauth-token";
    /// Seeded with an entry "existing" = "kept" that must survive every version the provider adds.
    static constexpr const char* kLockboxSecret = "e6qacceptancesecret1";
    static constexpr const char* kSecondLockboxSecret = "e6qacceptancesecret2";

    /// `arguments` go to yc-emulator after the port and seed (`--timestamp-precision seconds`, say).
    explicit EmulatorProcess(const std::vector<std::string>& arguments = {});
    /// Stops the emulator; its log is kept in the trace directory when the secret scan is on.
    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess&) = delete;
    EmulatorProcess& operator=(const EmulatorProcess&) = delete;

    [[nodiscard]] const std::string& Url() const { return url_; }
    /// Whether it was started with --tls (and serves HTTPS).
    [[nodiscard]] bool Tls() const { return url_.rfind("https://", 0) == 0; }
    [[nodiscard]] int Port() const { return port_; }
    /// HCL of a provider block that reaches this emulator, with `extra` (attribute lines) added.
    [[nodiscard]] std::string ProviderBlock(const std::string& extra = "") const;
    /// The YC_* variables that point a provider block without settings at this emulator, the way
    /// a user's environment points it at Yandex Cloud.
    [[nodiscard]] std::map<std::string, std::string> ProviderEnvironment() const;

    nlohmann::json State() const;
    /// The most API keys the emulator held at any one moment since it started (/admin/state's
    /// peakApiKeys): a test that ends with none left can see whether one lived in between.
    [[nodiscard]] int PeakApiKeys() const;
    /// How many API keys were ever created (/admin/state's apiKeysCreated).
    [[nodiscard]] int ApiKeysCreated() const;
    /// TCP connections the emulator accepted since it started (/admin/state's connectionsAccepted),
    /// for tests of connection reuse. Every request this class sends comes on a connection of its
    /// own and is counted too, this call's own included: two calls with nothing between them
    /// differ by 1.
    [[nodiscard]] int ConnectionsAccepted() const;
    /// Adds a fault (see the emulator's README); ClearFaults removes them all.
    void Fault(const nlohmann::json& fault) const;
    void ClearFaults() const;
    /// Merges a seed document (see the emulator's README), e.g. Keybase users.
    void Seed(const nlohmann::json& seed) const;
    /// The text of one entry of a Lockbox version, read through the payload API as a client
    /// would; nullopt when the version or entry does not exist.
    std::optional<std::string> LockboxEntry(const std::string& secret_id,
                                            const std::string& version_id,
                                            const std::string& key) const;
    /// ACTIVE, SCHEDULED_FOR_DESTRUCTION or DESTROYED; "" for an unknown version.
    std::string LockboxVersionStatus(const std::string& secret_id, const std::string& version_id) const;
    /// Deletes a key behind Terraform's back.
    void DeleteKey(const std::string& id) const;
    /// Status of the Api-Key probe for `secret` and `scope`.
    int Probe(const std::string& secret, const std::string& scope) const;

private:
    httplib::Client AdminClient() const;
    /// POSTs `body` to an admin path; throws unless the emulator accepts it.
    void PostAdmin(const std::string& path, const nlohmann::json& body) const;

    test_support::TempDir directory_;
    std::unique_ptr<test_support::BackgroundProcess> process_;
    std::string url_;
    int port_ = 0;
};

}  // namespace acceptance
