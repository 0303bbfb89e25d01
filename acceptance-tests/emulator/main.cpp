// yc-emulator: a local stand-in for Yandex Cloud's IAM API keys, Lockbox and operations.
// Usage: yc-emulator [--port N] [--seed FILE] [--state-file FILE] [--operation-delay-ms N]
//                    [--tls --tls-cert-out FILE]
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>

#include "acceptance-tests/emulator/emulator.hpp"

namespace {

int Usage() {
    std::cerr << "usage: yc-emulator [--port N] [--seed FILE] [--state-file FILE] [--operation-delay-ms N] "
                 "[--tls --tls-cert-out FILE]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    emulator::Options options;
    int port = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        const bool has_value = i + 1 < argc;
        if (flag == "--port" && has_value) {
            port = std::stoi(argv[++i]);
        } else if (flag == "--seed" && has_value) {
            options.seed_file = argv[++i];
        } else if (flag == "--state-file" && has_value) {
            options.state_file = argv[++i];
        } else if (flag == "--operation-delay-ms" && has_value) {
            options.operation_delay_ms = std::stoi(argv[++i]);
        } else if (flag == "--tls") {
            options.tls = true;
        } else if (flag == "--tls-cert-out" && has_value) {
            options.tls_cert_out = argv[++i];
        } else {
            return Usage();
        }
    }
    // Stop cleanly on SIGTERM and Ctrl-C: block them here and wait for them below.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    emulator::Emulator server(options);
    const int bound = server.Start(port);
    if (bound <= 0) {
        std::cerr << "yc-emulator: cannot listen on 127.0.0.1:" << port << "\n";
        return 1;
    }
    std::cout << "listening on " << server.BaseUrl() << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    server.Stop();
    return 0;
}
