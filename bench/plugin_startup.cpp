// Start-up figures of provider binaries as Terraform experiences them: exec to handshake line
// (with AutoMTLS), the first GetProviderSchema, resident memory after it, and Shutdown to exit.
// Runs of the binaries given are interleaved, so a busy machine weighs on all of them alike, and
// `terraform version` (exec to exit) is timed in the same rounds as a floor for comparison.
//
// Usage: bench_plugin_startup [--runs N] [--baseline "<command>"] <name>=<binary>...
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

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
        std::printf("| %-22s | %-30s | %8.2f | %8.2f | %8.2f | %s |\n",
                    subject.c_str(),
                    name.c_str(),
                    Percentile(0.0),
                    Percentile(0.5),
                    Percentile(0.9),
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
    const auto before_schema = Clock::now();
    if (!testing_support::CallGetProviderSchema(channel).ok()) {
        std::cerr << subject.name << ": GetProviderSchema failed\n";
        return false;
    }
    subject.schema.samples.push_back(Milliseconds(Clock::now() - before_schema));
    subject.rss.samples.push_back(static_cast<double>(ResidentKilobytes(plugin.Process().Pid())) / 1024.0);
    const auto before_shutdown = Clock::now();
    (void)testing_support::CallShutdown(channel);
    channel.reset();  // go-plugin's client closes its connection right after Shutdown
    if (!plugin.Process().Wait(std::chrono::seconds(5))) {
        std::cerr << subject.name << ": the plugin did not exit after Shutdown\n";
        return false;
    }
    subject.shutdown.samples.push_back(Milliseconds(Clock::now() - before_shutdown));
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
    int runs = 30;
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
    std::printf("| %-22s | %-30s | %8s | %8s | %8s | unit |\n", "binary", "figure", "min", "median", "p90");
    std::printf("|%s|%s|%s|%s|%s|------|\n",
                std::string(24, '-').c_str(),
                std::string(32, '-').c_str(),
                std::string(10, '-').c_str(),
                std::string(10, '-').c_str(),
                std::string(10, '-').c_str());
    for (const auto& subject : subjects) {
        for (const auto* series : {&subject.handshake, &subject.schema, &subject.rss, &subject.shutdown})
            series->Print(subject.name);
    }
    if (!baseline.empty())
        floor.Print(baseline);
    return 0;
}
