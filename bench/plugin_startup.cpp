// Start-up figures of provider binaries as Terraform experiences them: exec to handshake line
// (with AutoMTLS), the first GetProviderSchema, resident memory after it, and Shutdown to exit.
// Like go-plugin's client, each run holds the GRPCBroker and GRPCStdio streams open from the
// handshake until it closes its connection after Controller.Shutdown. Runs of the binaries given
// are interleaved, so a busy machine weighs on all of them alike, and `terraform version` (exec
// to exit) is timed in the same rounds as a floor for comparison. Shutdown to exit shows its
// maximum too: a rare wait for a timeout is what hurts there.
//
// Usage: bench_plugin_startup [--runs N] [--baseline "<command>"] <name>=<binary>...
#include <poll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "go_plugin.grpc.pb.h"
#include "tfplugin/server/testing/plugin_harness.hpp"

namespace {

using namespace tfplugin::server;
using testing_support::Clock;

double Milliseconds(Clock::duration duration) {
    return std::chrono::duration_cast<std::chrono::microseconds>(duration).count() / 1000.0;
}

long ResidentKilobytes(int pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    }
    return -1;
}

// The streams go-plugin's client opens next to the plugin's own service (grpc_client.go): the
// broker stream, which it keeps open until it closes the connection, and the stdio stream, which
// it reads until the plugin ends it.
class GoPluginStreams {
public:
    explicit GoPluginStreams(const std::shared_ptr<grpc::Channel>& channel)
        : broker_stub_(plugin::GRPCBroker::NewStub(channel)),
          broker_(broker_stub_->StartStream(&broker_context_)),
          stdio_stub_(plugin::GRPCStdio::NewStub(channel)),
          stdio_reader_([this] {
              auto stdio = stdio_stub_->StreamStdio(&stdio_context_, {});
              plugin::StdioData data;
              while (stdio->Read(&data)) {
              }
              (void)stdio->Finish();
          }) {}
    GoPluginStreams(const GoPluginStreams&) = delete;
    GoPluginStreams& operator=(const GoPluginStreams&) = delete;
    // What closing the client's connection does to the streams still open.
    ~GoPluginStreams() {
        broker_context_.TryCancel();
        (void)broker_->Finish();
        stdio_context_.TryCancel();
        stdio_reader_.join();
    }

private:
    grpc::ClientContext broker_context_;
    std::unique_ptr<plugin::GRPCBroker::Stub> broker_stub_;
    std::unique_ptr<grpc::ClientReaderWriter<plugin::ConnInfo, plugin::ConnInfo>> broker_;
    grpc::ClientContext stdio_context_;
    std::unique_ptr<plugin::GRPCStdio::Stub> stdio_stub_;
    std::thread stdio_reader_;
};

// Blocks until the process `pid` has ended, without reaping it, so the time is exact rather than
// that of a polling loop; false if it is still running after `timeout`.
bool AwaitExit(int pid, std::chrono::milliseconds timeout) {
    // Through syscall(): glibc 2.36's <sys/pidfd.h> declares pidfd_open without C linkage.
    const int descriptor = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
    if (descriptor < 0)
        return false;
    pollfd ended{descriptor, POLLIN, 0};
    const int ready = poll(&ended, 1, static_cast<int>(timeout.count()));
    close(descriptor);
    return ready == 1;
}

struct Series {
    std::string name;
    std::string unit;
    std::vector<double> samples;

    [[nodiscard]] double Percentile(double fraction) const {
        auto sorted = samples;
        std::sort(sorted.begin(), sorted.end());
        const auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1) + 0.5);
        return sorted[index];
    }
    void Print(const std::string& subject) const {
        if (samples.empty())
            return;
        std::printf("| %-22s | %-30s | %8.2f | %8.2f | %8.2f | %8.2f | %s |\n",
                    subject.c_str(),
                    name.c_str(),
                    Percentile(0.0),
                    Percentile(0.5),
                    Percentile(0.9),
                    Percentile(1.0),
                    unit.c_str());
    }
};

struct Subject {
    std::string name;
    std::string binary;
    Series handshake{"exec to handshake line", "ms", {}};
    Series schema{"GetProviderSchema (first)", "ms", {}};
    Series rss{"RSS after GetProviderSchema", "MiB", {}};
    Series shutdown{"Shutdown to exit", "ms", {}};
};

// One start of a provider the way Terraform makes it; false (with a message) if it failed.
bool MeasureOnce(Subject& subject, const ServerCertificate& client) {
    testing_support::PluginUnderTest plugin(subject.binary, {{"PLUGIN_CLIENT_CERT", client.certificate_pem}});
    const auto line = plugin.Handshake();
    if (!line.problem.empty()) {
        std::cerr << subject.name << ": " << line.problem << '\n';
        return false;
    }
    subject.handshake.samples.push_back(Milliseconds(plugin.HandshakeTime()));
    auto channel = testing_support::Connect(line, client);
    auto streams = std::make_unique<GoPluginStreams>(channel);
    const auto before_schema = Clock::now();
    if (!testing_support::CallGetProviderSchema(channel).ok()) {
        std::cerr << subject.name << ": GetProviderSchema failed\n";
        return false;
    }
    subject.schema.samples.push_back(Milliseconds(Clock::now() - before_schema));
    subject.rss.samples.push_back(static_cast<double>(ResidentKilobytes(plugin.Process().Pid())) / 1024.0);
    const auto before_shutdown = Clock::now();
    const auto shutdown = testing_support::CallShutdown(channel);
    // go-plugin's client closes its connection right after Shutdown.
    streams.reset();
    channel.reset();
    const bool exited = AwaitExit(plugin.Process().Pid(), std::chrono::seconds(5));
    const auto took = Clock::now() - before_shutdown;
    if (!shutdown.ok()) {
        std::cerr << subject.name << ": Controller.Shutdown failed: " << shutdown.error_message() << '\n';
        return false;
    }
    const auto exit_code = plugin.Process().Wait(std::chrono::seconds(exited ? 1 : 0));
    if (!exit_code) {
        std::cerr << subject.name << ": the plugin did not exit after Shutdown\n";
        return false;
    }
    if (*exit_code != 0) {
        std::cerr << subject.name << ": the plugin exited with status " << *exit_code << " after Shutdown\n";
        return false;
    }
    subject.shutdown.samples.push_back(Milliseconds(took));
    return true;
}

// Exec to exit of a shell-free command, its output discarded.
double TimeCommand(const std::vector<std::string>& argv) {
    const auto started = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        std::freopen("/dev/null", "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        std::vector<char*> args;
        for (const auto& arg : argv)
            args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return Milliseconds(Clock::now() - started);
}

std::vector<std::string> SplitWords(const std::string& command) {
    std::istringstream words(command);
    std::vector<std::string> argv;
    for (std::string word; words >> word;)
        argv.push_back(word);
    return argv;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 40;
    std::string baseline = "terraform version";
    std::vector<Subject> subjects;
    for (int i = 1; i < argc; ++i) {
        const std::string argument = argv[i];
        if (argument == "--runs" && i + 1 < argc) {
            runs = std::stoi(argv[++i]);
        } else if (argument == "--baseline" && i + 1 < argc) {
            baseline = argv[++i];
        } else if (const auto equals = argument.find('='); equals != std::string::npos) {
            subjects.push_back(Subject{argument.substr(0, equals), argument.substr(equals + 1)});
        } else {
            subjects.push_back(Subject{argument, argument});
        }
    }
    if (subjects.empty() || runs < 1) {
        std::cerr << "usage: " << argv[0] << " [--runs N] [--baseline \"<command>\"] <name>=<binary>...\n";
        return 2;
    }
    const auto client = GenerateServerCertificate();
    Series floor{"exec to exit", "ms", {}};
    for (int run = 0; run < runs; ++run) {
        for (auto& subject : subjects) {
            if (!MeasureOnce(subject, client))
                return 1;
        }
        if (!baseline.empty())
            floor.samples.push_back(TimeCommand(SplitWords(baseline)));
    }
    std::printf("%d interleaved runs each\n\n", runs);
    std::printf(
        "| %-22s | %-30s | %8s | %8s | %8s | %8s | unit |\n", "binary", "figure", "min", "median", "p90", "max");
    const std::string number_column(10, '-');
    std::printf("|%s|%s|%s|%s|%s|%s|------|\n",
                std::string(24, '-').c_str(),
                std::string(32, '-').c_str(),
                number_column.c_str(),
                number_column.c_str(),
                number_column.c_str(),
                number_column.c_str());
    for (const auto& subject : subjects) {
        for (const auto* series : {&subject.handshake, &subject.schema, &subject.rss, &subject.shutdown})
            series->Print(subject.name);
    }
    if (!baseline.empty())
        floor.Print(baseline);
    return 0;
}
