// https-file-server <folder>: serves the folder over HTTPS on a free loopback port with a fresh
// self-signed certificate, until SIGTERM or SIGINT. Prints "url <url>" and "certificate <file>"
// first, for scripts (scripts/release-check serves the release's network mirror with it).
#include <signal.h>

#include <iostream>

#include "acceptance-tests/support/https_file_server.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: https-file-server <folder>\n";
        return 2;
    }
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    const acceptance::HttpsFileServer server(argv[1]);
    std::cout << "url " << server.Url() << "\ncertificate " << server.CertificateFile().string() << std::endl;
    int received = 0;
    sigwait(&stop_signals, &received);
    return 0;
}
