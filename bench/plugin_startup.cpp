// Startup figures of the provider binary as Terraform experiences them: exec to handshake line,
// the first GetProviderSchema, resident memory after it, and Shutdown to process exit.
// Usage: bench_plugin_startup <provider binary> [runs]
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
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

    void Print() {
        std::sort(samples.begin(), samples.end());
        std::printf("%-34s min %8.2f  median %8.2f  max %8.2f %s\n",
                    name.c_str(),
                    samples.front(),
                    samples[samples.size() / 2],
                    samples.back(),
                    unit.c_str());
    }
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: " << argv[0] << " <provider binary> [runs]\n";
        return 2;
    }
    const std::string binary = argv[1];
    const int runs = argc > 2 ? std::stoi(argv[2]) : 20;
    const auto client = GenerateServerCertificate();

    Series handshake{"exec to handshake line", "ms", {}};
    Series schema{"GetProviderSchema (first call)", "ms", {}};
    Series rss{"RSS after GetProviderSchema", "MiB", {}};
    Series shutdown{"Shutdown to exit", "ms", {}};
    for (int run = 0; run < runs; ++run) {
        testing_support::PluginUnderTest plugin(binary, {{"PLUGIN_CLIENT_CERT", client.certificate_pem}});
        const auto line = plugin.Handshake();
        if (!line.problem.empty()) {
            std::cerr << line.problem << '\n';
            return 1;
        }
        handshake.samples.push_back(Milliseconds(plugin.HandshakeTime()));
        auto channel = testing_support::Connect(line, client);
        const auto before_schema = Clock::now();
        if (!testing_support::CallGetProviderSchema(channel).ok()) {
            std::cerr << "GetProviderSchema failed\n";
            return 1;
        }
        schema.samples.push_back(Milliseconds(Clock::now() - before_schema));
        rss.samples.push_back(static_cast<double>(ResidentKilobytes(plugin.Process().Pid())) / 1024.0);
        const auto before_shutdown = Clock::now();
        (void)testing_support::CallShutdown(channel);
        channel.reset();  // go-plugin's client closes its connection right after Shutdown
        if (!plugin.Process().Wait(std::chrono::seconds(5))) {
            std::cerr << "the plugin did not exit after Shutdown\n";
            return 1;
        }
        shutdown.samples.push_back(Milliseconds(Clock::now() - before_shutdown));
    }
    std::printf("%d runs of %s\n", runs, binary.c_str());
    for (auto* series : {&handshake, &schema, &rss, &shutdown})
        series->Print();
    return 0;
}
