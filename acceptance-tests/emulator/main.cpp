// yc-emulator: a local stand-in for Yandex Cloud's IAM API keys, Lockbox and operations.
// Usage: see Usage() in command_line.cpp and the README. Anything wrong with the arguments, the
// seed file or the port is one line on stderr starting "yc-emulator: " and exit code 2.
#include <csignal>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>

#include "acceptance-tests/emulator/command_line.hpp"
#include "acceptance-tests/emulator/emulator.hpp"

namespace {

constexpr int kBadSetup = 2;

int Serve(const emulator::CommandLine& command_line) {
    // Stop cleanly on SIGTERM and Ctrl-C: block them here and wait for them below.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    emulator::Emulator server(command_line.options);
    if (server.Start(command_line.port) <= 0) {
        const int error = errno;
        throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(command_line.port) + ": " +
                                 std::strerror(error));
    }
    std::cout << "listening on " << server.BaseUrl() << std::endl;
    int received = 0;
    sigwait(&signals, &received);
    server.Stop();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const auto command_line = emulator::ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
        if (command_line.help) {
            std::cout << emulator::Usage() << "\n";
            return 0;
        }
        return Serve(command_line);
    } catch (const std::exception& error) {
        std::cerr << "yc-emulator: " << error.what() << std::endl;
        return kBadSetup;
    }
}
