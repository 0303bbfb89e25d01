#include "tfplugin/server/serve.hpp"

#include <absl/base/internal/cycleclock.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <malloc.h>
#include <openssl/crypto.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tfplugin/server/auto_mtls.hpp"
#include "tfplugin/server/handshake.hpp"
#include "tfplugin/server/hclog_format.hpp"
#include "tfplugin/server/lifecycle.hpp"
#include "tfplugin/server/plugin_services.hpp"
#include "tfplugin/server/provider_service.hpp"
#include "tfplugin/server/socket_directory.hpp"

namespace tfplugin::server {

namespace {

// Terraform may send messages of up to 256 MB, and decoding one grows strings by doubling. glibc
// raises its mmap threshold each time such a buffer is freed (up to 32 MB), after which buffers
// of that size come from the heap and stay there, fragmented, for the life of the process: a few
// 50 MB values left the plugin 200 MB larger. With a fixed 1 MB threshold every large buffer is
// mapped on its own and goes back to the system when freed.
void KeepLargeBuffersOutOfTheHeap() {
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

// OpenSSL's exit handler (OPENSSL_cleanup) takes away the per-thread error state of every thread
// still running: a gRPC thread that ends after it can no longer free its own, and LeakSanitizer
// caught such a 904-byte state now and then. The process needs no such cleanup (it ends with
// _exit unless sanitized), so OpenSSL is told not to install the handler. The first
// initialisation decides, so this runs before anything else in the process touches OpenSSL.
void KeepOpenSslUntilTheProcessEnds() {
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
}

// Terraform's plans and states can be large; terraform-plugin-go raised gRPC's 4 MiB default
// to 256 MiB for the same reason.
constexpr int kMaxMessageBytes = 256 << 20;
// How long in-flight calls get to finish once shutdown starts. Terraform waits 2 s before it
// kills a plugin, so this stays well below.
constexpr auto kShutdownGrace = std::chrono::milliseconds(500);

// absl::Mutex (Debian 12's absl 20220623), which gRPC locks with, reads the cycle-clock frequency
// the first time a thread has to queue for a lock, and on x86, unless the kernel exports
// tsc_freq_khz (virtual machines often do not), measures it by sleeping 1 ms, 2 ms and more
// while holding the lock's internal spinlock. The first contended lock in the process so stalled
// every thread needing it for 3 ms or more; in one shutdown of five that was the server's
// shutdown. Measured on a thread of its own while the server starts, the frequency is there
// before anyone waits for it. absl offers no public call for this; the internal one is stable.
std::jthread MeasureCycleClockFrequency() {
    return std::jthread([] { (void)absl::base_internal::CycleClock::Frequency(); });
}

struct Listener {
    explicit Listener(std::optional<SocketDirectory> directory) : socket_directory(std::move(directory)) {}
    std::optional<SocketDirectory> socket_directory;
    std::string network;
    std::string address;
    int tcp_port = 0;
};

std::shared_ptr<grpc::ServerCredentials> Credentials(const HandshakeEnvironment& environment,
                                                     std::string& certificate_base64) {
    if (!environment.client_cert_pem) {
        return grpc::InsecureServerCredentials();
    }
    const auto certificate = GenerateServerCertificate();
    certificate_base64 = certificate.certificate_der_base64;
    grpc::SslServerCredentialsOptions options(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    options.pem_root_certs = *environment.client_cert_pem;
    options.pem_key_cert_pairs.push_back({certificate.private_key_pem, certificate.certificate_pem});
    return grpc::SslServerCredentials(options);
}

void PrintReattachInstructions(const std::string& provider_address, const Listener& listener) {
    const nlohmann::json reattach = {{provider_address,
                                      {{"Protocol", "grpc"},
                                       {"ProtocolVersion", handshake::kPluginProtocolVersion},
                                       {"Pid", getpid()},
                                       {"Test", true},
                                       {"Addr", {{"Network", listener.network}, {"String", listener.address}}}}}};
    std::cout << "Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable "
                 "with the following:\n\n\tTF_REATTACH_PROVIDERS='"
              << reattach.dump() << "'\n\nPress Ctrl-C to stop the provider.\n"
              << std::flush;
}

// Sanitizers check the process as it ends: LeakSanitizer looks for leaks from an atexit handler,
// which _exit would skip, so a leak would go unreported. SANITIZED_BUILD comes from CMake's
// SANITIZE option; the compilers' own macros cover flags given another way (gcc has none for
// -fsanitize=leak alone).
#if defined(SANITIZED_BUILD) || defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(leak_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

// Ends the process once the server has stopped: every answer is out and the socket directory is
// gone, so nothing is left that Terraform could see, and Terraform waits for the process to end.
// What returning from main would still do (destroying the server and the provider, joining
// gRPC's threads, static destructors, OpenSSL's exit handler) took longer than the whole server
// shutdown: a median of about 4 ms, tens of ms on a busy machine. Sanitizer builds return, so
// their checks at exit still run.
void EndProcessAfterShutdown() {
    if constexpr (!kSanitized) {
        spdlog::default_logger()->flush();
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        std::_Exit(0);
    }
}

}  // namespace

int Serve(const ServeOptions& options, bool debug) {
    KeepLargeBuffersOutOfTheHeap();
    KeepOpenSslUntilTheProcessEnds();
    InstallHclogLogger("provider");
    const auto environment = HandshakeEnvironment::FromProcess();
    if (!debug) {
        if (!MagicCookieMatches(environment)) {
            std::cerr << handshake::kNotRunByTerraformMessage
                      << "\nThis is a Terraform provider: Terraform or OpenTofu starts it. To run it by hand for "
                         "debugging, pass --debug.\n";
            return 1;
        }
        if (auto problem = CheckProtocolVersion(environment)) {
            std::cerr << *problem << '\n';
            return 1;
        }
    }

    // Before any other thread starts, so that all threads inherit its signal mask.
    Lifecycle lifecycle(debug);
    auto cycle_clock_measurement = MeasureCycleClockFrequency();
    auto provider = options.make_provider();
    StopSignal stop_signal;
    ProviderService provider_service(*provider, stop_signal);
    ControllerService controller_service(lifecycle);
    StdioService stdio_service;
    BrokerService broker_service;

    std::string certificate_base64;
    const auto credentials = debug ? grpc::InsecureServerCredentials() : Credentials(environment, certificate_base64);

    Listener listener(SocketDirectory::Create(environment.unix_socket_dir, environment.unix_socket_group));
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    if (listener.socket_directory) {
        listener.network = "unix";
        listener.address = listener.socket_directory->SocketPath();
        builder.AddListeningPort("unix:" + listener.address, credentials);
    } else {
        listener.network = "tcp";
        builder.AddListeningPort("127.0.0.1:0", credentials, &listener.tcp_port);
    }
    builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
    builder.SetMaxSendMessageSize(kMaxMessageBytes);
    builder.RegisterService(&provider_service);
    builder.RegisterService(&controller_service);
    builder.RegisterService(&stdio_service);
    builder.RegisterService(&broker_service);
    auto server = builder.BuildAndStart();
    if (!server) {
        std::cerr << "The provider could not listen on " << (listener.address.empty() ? "loopback" : listener.address)
                  << ".\n";
        return 1;
    }
    if (listener.network == "tcp") {
        listener.address = "127.0.0.1:" + std::to_string(listener.tcp_port);
    } else {
        listener.socket_directory->ShareSocketWithGroup();
    }
    server->GetHealthCheckService()->SetServingStatus("plugin", true);

    if (debug) {
        PrintReattachInstructions(options.provider_address, listener);
    } else {
        // The one and only line on stdout: anything else would break Terraform's handshake.
        std::cout << HandshakeLine(listener.network, listener.address, certificate_base64) << std::endl;
    }
    spdlog::debug("plugin serving on {} {}", listener.network, listener.address);
    cycle_clock_measurement.join();  // after the handshake line, which it must not delay

    const auto reason = lifecycle.WaitForShutdown();
    spdlog::debug("plugin shutting down: {}", reason);
    stop_signal.StopCallsInFlight();
    broker_service.EndStreams();
    server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
    listener.socket_directory.reset();
    EndProcessAfterShutdown();
    return 0;
}

}  // namespace tfplugin::server
