#pragma once

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "tfplugin/server/auto_mtls.hpp"
#include "tfplugin/server/testing/plugin_harness.hpp"
#include "tfplugin/types/value.hpp"
#include "tfplugin6.grpc.pb.h"

// The real provider binary, started as Terraform starts it (handshake, AutoMTLS) with no YC_*
// settings, and a tfplugin6 stub to talk to it directly: the protocol tests send it what
// Terraform never would.
namespace acceptance::protocol {

inline constexpr const char* kApiKeyType = "yandex_iam_service_account_api_key";

/// Memory of a process from /proc/<pid>/status, in bytes.
struct Memory {
    std::uint64_t rss = 0;   ///< VmRSS: resident now
    std::uint64_t peak = 0;  ///< VmHWM: the most ever resident
};

class ProviderSession {
public:
    ProviderSession();

    tfplugin6::Provider::Stub& Stub() { return *stub_; }
    /// A fresh context with a generous deadline: a hostile message may be slow, never endless.
    static std::unique_ptr<grpc::ClientContext> Context();

    /// Whether the plugin process is still running.
    bool Alive();
    [[nodiscard]] Memory ReadMemory() const;
    /// Starts VmHWM afresh from the current VmRSS, so one call's peak can be measured alone.
    void ResetPeakMemory() const;
    /// The value type of the API key resource, built from the schema the plugin sends.
    [[nodiscard]] const tfplugin::Type& ApiKeyType() const { return api_key_type_; }
    /// A configuration of the API key: every attribute null but those given.
    [[nodiscard]] tfplugin::Value ApiKeyConfig(const std::map<std::string, tfplugin::Value>& set) const;
    /// The configuration as a msgpack DynamicValue.
    [[nodiscard]] tfplugin6::DynamicValue Msgpack(const tfplugin::Value& value) const;

private:
    tfplugin::server::ServerCertificate client_certificate_;
    std::unique_ptr<tfplugin::server::testing_support::PluginUnderTest> plugin_;
    std::shared_ptr<grpc::Channel> channel_;
    std::unique_ptr<tfplugin6::Provider::Stub> stub_;
    tfplugin::Type api_key_type_ = tfplugin::Type::Dynamic();
};

}  // namespace acceptance::protocol
