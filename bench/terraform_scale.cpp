// What N resources cost in real Terraform runs, for the provider and against two floors in the
// same run: `terraform_data` (built into Terraform, no plugin process at all) and
// `nothing_thing` (terraform-provider-nothing: a plugin of tfplugin/ alone whose calls do
// nothing). For each N, each subject goes through `terraform apply`, `terraform plan` (with its
// refresh) and `terraform destroy`, and each phase is measured:
//
//   - wall time of the terraform command, and the size of the state it handled;
//   - Terraform core's CPU: what wait4 reports for terraform (itself and every child it reaped)
//     less what the provider processes used;
//   - the provider processes' CPU, peak RSS (summed) and number, from rusage-wrapper, which
//     stands in for the provider binary in the dev_overrides folder;
//   - for the provider against yc-emulator: API calls per key, token exchanges per provider
//     process and TCP connections accepted, from the emulator's /admin/state before and after.
//
// The provider runs once with no latency and once per --latencies value, the emulator then
// holding every API call (not the admin API) that long. Its "limit" is what the phase could take
// at best: the do-nothing provider's wall time plus the API round trips Terraform's parallelism
// cannot overlap, N / parallelism x calls per key x latency.
//
// Prints progress on stderr, the table on stdout (markdown, as docs/performance.md shows it), and
// writes the table (scale.md) and its data (scale.tsv, read by bench/scale_plot.gp) to --out.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "acceptance-tests/support/emulator_process.hpp"
#include "acceptance-tests/support/terraform.hpp"
#include "test_support/process.hpp"
#include "test_support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using acceptance::EmulatorProcess;
using test_support::TempDir;

using Clock = std::chrono::steady_clock;

constexpr const char* kNothingSource = "bench/nothing";
const char* const kPhases[] = {"apply", "plan", "destroy"};

struct Options {
    std::vector<int> sizes{10, 100, 1000};
    std::vector<int> latencies{20};
    int runs = 3;                // runs of each size below single_run_from, of which the median counts
    int single_run_from = 1000;  // sizes from here on run once
    int parallelism = 10;
    fs::path out = ".";
    std::string terraform = "terraform";
};

enum class Kind { kData, kNothing, kNothingPadded, kYandex };

// The do-nothing resource's input, padded so that its state takes about as much room per
// resource as an API key's (1.28 KiB against 0.22 KiB, mostly the cloud's ten default scopes):
// Terraform core's work per resource grows with the state's size, so this floor is the fair one.
constexpr std::size_t kPaddedInputBytes = 1060;

struct Subject {
    Kind kind;
    int latency_ms = 0;

    [[nodiscard]] std::string Series() const {
        switch (kind) {
            case Kind::kData:
                return "terraform_data";
            case Kind::kNothing:
                return "nothing_thing";
            case Kind::kNothingPadded:
                return "nothing_thing_padded";
            case Kind::kYandex:
                return "yandex_" + std::to_string(latency_ms) + "ms";
        }
        return "";
    }
    [[nodiscard]] std::string Label() const {
        switch (kind) {
            case Kind::kData:
                return "terraform_data";
            case Kind::kNothing:
                return "nothing_thing";
            case Kind::kNothingPadded:
                return "nothing_thing, API key's state size";
            case Kind::kYandex:
                return "api_key, " + std::to_string(latency_ms) + " ms";
        }
        return "";
    }
};

// One phase of one subject, measured once.
struct Sample {
    double wall_s = 0;
    double terraform_cpu_s = 0;
    double provider_cpu_s = 0;
    double provider_rss_mib = 0;
    int provider_processes = 0;
    double state_kib = 0;
    std::optional<double> api_calls;
    std::optional<double> token_exchanges;
    std::optional<double> connections;
};

// All samples of one phase of one subject at one size, and the figures drawn from them.
struct Row {
    Subject subject;
    int n = 0;
    std::string phase;
    std::vector<Sample> samples;
};

[[noreturn]] void Fail(const std::string& message) {
    throw std::runtime_error(message);
}

std::vector<int> ParseList(const std::string& text) {
    std::vector<int> values;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        std::size_t used = 0;
        const int value = std::stoi(item, &used);
        if (used != item.size() || value < 0)
            Fail("not a list of whole numbers: " + text);
        values.push_back(value);
    }
    return values;
}

void PrintUsage() {
    std::cerr << "usage: bench_terraform_scale [--sizes 10,100,1000] [--latencies 20] [--runs 3]\n"
                 "                             [--single-run-from 1000] [--parallelism 10] [--out DIR]\n";
}

Options ParseOptions(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            PrintUsage();
            Fail("missing value or unknown flag: " + flag);
        }
        const std::string value = argv[++i];
        if (flag == "--sizes")
            options.sizes = ParseList(value);
        else if (flag == "--latencies")
            options.latencies = ParseList(value);
        else if (flag == "--runs")
            options.runs = std::max(1, std::stoi(value));
        else if (flag == "--single-run-from")
            options.single_run_from = std::stoi(value);
        else if (flag == "--parallelism")
            options.parallelism = std::max(1, std::stoi(value));
        else if (flag == "--out")
            options.out = value;
        else if (flag == "--terraform")
            options.terraform = value;
        else {
            PrintUsage();
            Fail("unknown flag: " + flag);
        }
    }
    std::erase(options.latencies, 0);  // the provider always runs without latency too
    return options;
}

double Seconds(const timeval& value) {
    return static_cast<double>(value.tv_sec) + static_cast<double>(value.tv_usec) / 1e6;
}

double Median(std::vector<double> values) {
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const auto middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// The median of one figure over a row's samples; nothing when no sample has it.
template <typename Figure>
std::optional<double> MedianOf(const Row& row, Figure figure) {
    std::vector<double> values;
    for (const auto& sample : row.samples) {
        if (const std::optional<double> value = figure(sample))
            values.push_back(*value);
    }
    if (values.empty())
        return std::nullopt;
    return Median(values);
}

std::string LastLines(const std::string& text, int count) {
    auto position = text.size();
    while (count-- > 0 && position > 0)
        position = text.rfind('\n', position - 1);
    return position == std::string::npos ? text : text.substr(position);
}

struct Usage {
    int exit_code = -1;
    double wall_s = 0;
    double cpu_s = 0;  ///< terraform and every child it reaped
};

// Runs a command in `directory` with its output in `log`, and its resource usage from wait4.
Usage RunMeasured(const std::vector<std::string>& argv,
                  const fs::path& directory,
                  const std::map<std::string, std::optional<std::string>>& environment,
                  const fs::path& log) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawn_file_actions_addchdir_np(&actions, directory.c_str());
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    auto merged = test_support::MergedEnvironment(environment);
    std::vector<char*> env;
    for (auto& entry : merged)
        env.push_back(entry.data());
    env.push_back(nullptr);

    const auto started = Clock::now();
    pid_t pid = -1;
    const int error = posix_spawnp(&pid, argv.at(0).c_str(), &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0)
        Fail("cannot start " + argv.at(0) + ": " + std::strerror(error));
    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR)
            Fail(std::string("wait4: ") + std::strerror(errno));
    }
    Usage result;
    result.wall_s = std::chrono::duration<double>(Clock::now() - started).count();
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.cpu_s = Seconds(usage.ru_utime) + Seconds(usage.ru_stime);
    return result;
}

// The lines rusage-wrapper appended: one per provider process that ended.
struct ProviderUsage {
    int processes = 0;
    double cpu_s = 0;
    double rss_mib = 0;
};

ProviderUsage ReadProviderUsage(const fs::path& file) {
    ProviderUsage total;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        int pid = 0;
        double user = 0;
        double system = 0;
        long rss_kib = 0;
        if (std::sscanf(line.c_str(), "%d\t%lf\t%lf\t%ld", &pid, &user, &system, &rss_kib) != 4)
            Fail("unreadable line in " + file.string() + ": " + line);
        ++total.processes;
        total.cpu_s += user + system;
        total.rss_mib += static_cast<double>(rss_kib) / 1024.0;
    }
    return total;
}

// The emulator's counters that a phase changes.
struct EmulatorCounters {
    std::map<std::string, long> calls;
    std::optional<long> connections;
};

EmulatorCounters ReadCounters(const EmulatorProcess& emulator) {
    const auto state = emulator.State();
    EmulatorCounters counters;
    for (const auto& [call, count] : state.at("callCounts").items())
        counters.calls[call] = count.get<long>();
    if (state.contains("connectionsAccepted") && state["connectionsAccepted"].is_number())
        counters.connections = state["connectionsAccepted"].get<long>();
    return counters;
}

// A subject's working directory and what its terraform runs are given.
class Workspace {
public:
    Workspace(const Subject& subject,
              int n,
              const fs::path& cli_config,
              const EmulatorProcess* emulator,
              const std::string& series)
        : subject_(subject), directory_("scale-" + series) {
        directory_.Write("main.tf", Configuration(n, emulator));
        environment_ = {
            {"TF_CLI_CONFIG_FILE", cli_config.string()},
            {"CHECKPOINT_DISABLE", "1"},
            {"TF_IN_AUTOMATION", "1"},
            {"TF_INPUT", "0"},
            {"TF_LOG", std::nullopt},
            {"TF_LOG_PATH", std::nullopt},
            {"TF_LOG_PROVIDER", std::nullopt},
            {"TF_DATA_DIR", std::nullopt},
            {"TF_PLUGIN_CACHE_DIR", std::nullopt},
            {"TF_CLI_ARGS", std::nullopt},
            {"TF_REATTACH_PROVIDERS", std::nullopt},
            {"YC_TOKEN", std::nullopt},
            {"YC_SERVICE_ACCOUNT_KEY_FILE", std::nullopt},
            {"YC_ENDPOINT", std::nullopt},
        };
        for (const char* phase : kPhases)
            environment_[std::string("TF_CLI_ARGS_") + phase] = std::nullopt;
        if (subject.kind == Kind::kNothing || subject.kind == Kind::kNothingPadded)
            environment_["RUSAGE_WRAPPER_EXEC"] = NOTHING_PROVIDER_BINARY;
        if (subject.kind == Kind::kYandex)
            environment_["RUSAGE_WRAPPER_EXEC"] = YANDEX_PROVIDER_BINARY;
    }

    [[nodiscard]] const fs::path& Directory() const { return directory_.Path(); }
    [[nodiscard]] std::map<std::string, std::optional<std::string>> Environment(const fs::path& usage_log) const {
        auto environment = environment_;
        environment["RUSAGE_WRAPPER_LOG"] = usage_log.string();
        return environment;
    }

private:
    [[nodiscard]] std::string Configuration(int n, const EmulatorProcess* emulator) const {
        const auto count = std::to_string(n);
        switch (subject_.kind) {
            case Kind::kData:
                return "resource \"terraform_data\" \"r\" {\n  count = " + count + "\n  input = \"scale\"\n}\n";
            case Kind::kNothing:
            case Kind::kNothingPadded:
                return std::string("terraform {\n  required_providers {\n    nothing = {\n      source = \"") +
                       kNothingSource + "\"\n    }\n  }\n}\n\nresource \"nothing_thing\" \"r\" {\n  count = " + count +
                       "\n  input = \"" +
                       (subject_.kind == Kind::kNothing ? std::string("scale") : std::string(kPaddedInputBytes, 'x')) +
                       "\"\n}\n";
            case Kind::kYandex:
                return acceptance::RequiredProvidersBlock() + emulator->ProviderBlock() +
                       "resource \"yandex_iam_service_account_api_key\" \"r\" {\n  count              = " + count +
                       "\n  service_account_id = \"" + EmulatorProcess::kServiceAccount +
                       "\"\n  description        = \"scale\"\n}\n";
        }
        return "";
    }

    Subject subject_;
    TempDir directory_;
    std::map<std::string, std::optional<std::string>> environment_;
};

class Benchmark {
public:
    explicit Benchmark(Options options) : options_(std::move(options)), scratch_("scale") {
        // Terraform finds both providers in one folder, each name a link to rusage-wrapper, which
        // runs the binary the workspace names in RUSAGE_WRAPPER_EXEC.
        const auto wrappers = scratch_.Path() / "providers";
        fs::create_directories(wrappers);
        for (const char* name : {"terraform-provider-nothing", "terraform-provider-yandex"})
            fs::create_symlink(RUSAGE_WRAPPER_BINARY, wrappers / name);
        cli_config_ =
            scratch_.Write("terraform.rc",
                           "provider_installation {\n  dev_overrides {\n    \"" + std::string(kNothingSource) +
                               "\" = \"" + wrappers.string() + "\"\n    \"" + acceptance::kProviderSource + "\" = \"" +
                               wrappers.string() + "\"\n  }\n  direct {}\n}\n");
        subjects_ = {{Kind::kData}, {Kind::kNothing}, {Kind::kNothingPadded}, {Kind::kYandex, 0}};
        for (const int latency : options_.latencies)
            subjects_.push_back({Kind::kYandex, latency});
    }

    void Run() {
        int total = 0;
        for (const int n : options_.sizes)
            total += RunsOf(n) * static_cast<int>(subjects_.size());
        std::cerr << "scale: " << subjects_.size() << " subjects, sizes";
        for (const int n : options_.sizes)
            std::cerr << ' ' << n << " (" << RunsOf(n) << (RunsOf(n) == 1 ? " run)" : " runs)");
        std::cerr << ", -parallelism=" << options_.parallelism << ", " << total << " apply/plan/destroy rounds\n";
        const auto started = Clock::now();
        int done = 0;
        for (const int n : options_.sizes) {
            EmulatorProcess emulator;  // a fresh one per size keeps its counters and state small
            std::vector<std::unique_ptr<Workspace>> workspaces;
            for (const auto& subject : subjects_) {
                workspaces.push_back(std::make_unique<Workspace>(subject, n, cli_config_, &emulator, subject.Series()));
                for (const char* phase : kPhases)
                    rows_.push_back({subject, n, phase, {}});
            }
            // Runs are interleaved, so a machine that gets busier weighs on every subject alike.
            for (int run = 1; run <= RunsOf(n); ++run) {
                for (std::size_t s = 0; s < subjects_.size(); ++s) {
                    const auto& subject = subjects_[s];
                    const bool slow = subject.kind == Kind::kYandex && subject.latency_ms > 0;
                    if (slow)
                        emulator.Fault({{"path", "/*"}, {"latencyMs", subject.latency_ms}, {"count", "all"}});
                    std::string line;
                    for (const char* phase : kPhases) {
                        const auto sample = Measure(subject, n, phase, *workspaces[s], emulator);
                        FindRow(subject, n, phase).samples.push_back(sample);
                        char part[64];
                        std::snprintf(part, sizeof part, " %s %.2f s", phase, sample.wall_s);
                        line += part;
                    }
                    if (slow)
                        emulator.ClearFaults();
                    ++done;
                    const auto elapsed = std::chrono::duration<double>(Clock::now() - started).count();
                    std::fprintf(stderr,
                                 "[%3d/%d %4.0f s] N=%d run %d/%d %-18s%s\n",
                                 done,
                                 total,
                                 elapsed,
                                 n,
                                 run,
                                 RunsOf(n),
                                 subject.Label().c_str(),
                                 line.c_str());
                }
            }
        }
    }

    void Report() const {
        const auto table = Table();
        std::cout << table;
        fs::create_directories(options_.out);
        std::ofstream(options_.out / "scale.md") << table;
        std::ofstream(options_.out / "scale.tsv") << Tsv();
    }

private:
    [[nodiscard]] int RunsOf(int n) const { return n >= options_.single_run_from ? 1 : options_.runs; }

    Row& FindRow(const Subject& subject, int n, const std::string& phase) {
        for (auto& row : rows_) {
            if (row.subject.Series() == subject.Series() && row.n == n && row.phase == phase)
                return row;
        }
        Fail("no row for " + subject.Series());
    }
    [[nodiscard]] const Row* FindRow(Kind kind, int n, const std::string& phase) const {
        for (const auto& row : rows_) {
            if (row.subject.kind == kind && row.n == n && row.phase == phase)
                return &row;
        }
        return nullptr;
    }

    Sample Measure(const Subject& subject,
                   int n,
                   const std::string& phase,
                   const Workspace& workspace,
                   const EmulatorProcess& emulator) {
        const auto usage_log = workspace.Directory() / ("providers-" + phase + ".tsv");
        fs::remove(usage_log);
        const auto output = workspace.Directory() / ("terraform-" + phase + ".log");
        std::vector<std::string> argv{options_.terraform,
                                      phase,
                                      "-no-color",
                                      "-input=false",
                                      "-parallelism=" + std::to_string(options_.parallelism)};
        if (phase != "plan")
            argv.emplace_back("-auto-approve");

        const bool cloud = subject.kind == Kind::kYandex;
        const auto state_file = workspace.Directory() / "terraform.tfstate";
        const auto state_size = [&state_file] {
            std::error_code missing;
            const auto size = fs::file_size(state_file, missing);
            return missing ? 0.0 : static_cast<double>(size) / 1024.0;
        };
        const double state_before = state_size();
        EmulatorCounters before;
        if (cloud)
            before = ReadCounters(emulator);
        const auto usage = RunMeasured(argv, workspace.Directory(), workspace.Environment(usage_log), output);
        if (usage.exit_code != 0) {
            Fail("terraform " + phase + " of " + std::to_string(n) + " x " + subject.Label() + " exited with " +
                 std::to_string(usage.exit_code) + ":\n" + LastLines(test_support::ReadFile(output), 30));
        }

        Sample sample;
        sample.wall_s = usage.wall_s;
        sample.state_kib = std::max(state_before, state_size());
        const auto providers = ReadProviderUsage(usage_log);
        sample.provider_processes = providers.processes;
        sample.provider_cpu_s = providers.cpu_s;
        sample.provider_rss_mib = providers.rss_mib;
        sample.terraform_cpu_s = usage.cpu_s - providers.cpu_s;
        if (cloud) {
            const auto after = ReadCounters(emulator);
            long calls = 0;
            for (const auto& [call, count] : after.calls) {
                const auto earlier = before.calls.find(call);
                calls += count - (earlier == before.calls.end() ? 0 : earlier->second);
            }
            const auto count_of = [](const EmulatorCounters& counters, const std::string& call) {
                const auto found = counters.calls.find(call);
                return found == counters.calls.end() ? 0L : found->second;
            };
            sample.api_calls = static_cast<double>(calls);
            sample.token_exchanges =
                static_cast<double>(count_of(after, "POST /iam/v1/tokens") - count_of(before, "POST /iam/v1/tokens"));
            if (before.connections && after.connections)
                sample.connections = static_cast<double>(*after.connections - *before.connections);
        }
        return sample;
    }

    struct Figures {
        double wall_s = 0;
        std::optional<double> limit_s;
        std::optional<double> equal_state_limit_s;  ///< the same limit on the padded do-nothing floor
        double terraform_cpu_s = 0;
        double provider_cpu_s = 0;
        double provider_rss_mib = 0;
        double provider_processes = 0;
        double state_kib = 0;
        std::optional<double> calls_per_key;
        std::optional<double> tokens_per_process;
        std::optional<double> connections;
    };

    [[nodiscard]] Figures FiguresOf(const Row& row) const {
        Figures figures;
        figures.wall_s = *MedianOf(row, [](const Sample& s) { return std::optional(s.wall_s); });
        figures.terraform_cpu_s = *MedianOf(row, [](const Sample& s) { return std::optional(s.terraform_cpu_s); });
        figures.provider_cpu_s = *MedianOf(row, [](const Sample& s) { return std::optional(s.provider_cpu_s); });
        figures.provider_rss_mib = *MedianOf(row, [](const Sample& s) { return std::optional(s.provider_rss_mib); });
        figures.provider_processes =
            *MedianOf(row, [](const Sample& s) { return std::optional(static_cast<double>(s.provider_processes)); });
        figures.state_kib = *MedianOf(row, [](const Sample& s) { return std::optional(s.state_kib); });
        figures.connections = MedianOf(row, [](const Sample& s) { return s.connections; });
        const auto n = static_cast<double>(row.n);
        figures.calls_per_key = MedianOf(
            row, [n](const Sample& s) { return s.api_calls ? std::optional(*s.api_calls / n) : std::nullopt; });
        figures.tokens_per_process = MedianOf(row, [](const Sample& s) {
            return s.token_exchanges && s.provider_processes > 0
                       ? std::optional(*s.token_exchanges / s.provider_processes)
                       : std::nullopt;
        });
        if (row.subject.kind == Kind::kYandex) {
            const double round_trips_s =
                n / options_.parallelism * figures.calls_per_key.value_or(0) * row.subject.latency_ms / 1000.0;
            const auto limit_on = [&](Kind floor_kind) -> std::optional<double> {
                const Row* floor = FindRow(floor_kind, row.n, row.phase);
                if (floor == nullptr)
                    return std::nullopt;
                return *MedianOf(*floor, [](const Sample& s) { return std::optional(s.wall_s); }) + round_trips_s;
            };
            figures.limit_s = limit_on(Kind::kNothing);
            figures.equal_state_limit_s = limit_on(Kind::kNothingPadded);
        }
        return figures;
    }

    [[nodiscard]] static std::optional<double> Ratio(double wall_s, std::optional<double> limit_s) {
        if (!limit_s || *limit_s <= 0)
            return std::nullopt;
        return wall_s / *limit_s;
    }

    [[nodiscard]] static std::string Format(std::optional<double> value, const char* format, const char* none) {
        if (!value || std::isnan(*value))
            return none;
        char text[32];
        std::snprintf(text, sizeof text, format, *value);
        return text;
    }

    // Rows grouped by phase, then size, in the order the subjects ran.
    [[nodiscard]] std::vector<const Row*> Ordered() const {
        std::vector<const Row*> ordered;
        for (const char* phase : kPhases) {
            for (const int n : options_.sizes) {
                for (const auto& row : rows_) {
                    if (row.phase == phase && row.n == n && !row.samples.empty())
                        ordered.push_back(&row);
                }
            }
        }
        return ordered;
    }

    [[nodiscard]] std::string Table() const {
        std::ostringstream out;
        out << "| phase | N | subject | runs | wall s | limit s | wall / limit | wall / limit, equal state | "
               "Terraform CPU s | state KiB | provider CPU s | provider RSS MiB | provider starts | API calls / key | "
               "token exchanges / start | connections |\n"
               "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n";
        for (const Row* row : Ordered()) {
            const auto f = FiguresOf(*row);
            const bool plugin = row->subject.kind != Kind::kData;
            const bool cloud = row->subject.kind == Kind::kYandex;
            out << "| " << row->phase << " | " << row->n << " | " << row->subject.Label() << " | "
                << row->samples.size() << " | " << Format(f.wall_s, "%.2f", "") << " | "
                << Format(f.limit_s, "%.2f", "") << " | " << Format(Ratio(f.wall_s, f.limit_s), "%.2f", "") << " | "
                << Format(Ratio(f.wall_s, f.equal_state_limit_s), "%.2f", "") << " | "
                << Format(f.terraform_cpu_s, "%.2f", "") << " | " << Format(f.state_kib, "%.0f", "") << " | "
                << (plugin ? Format(f.provider_cpu_s, "%.2f", "") : "") << " | "
                << (plugin ? Format(f.provider_rss_mib, "%.0f", "") : "") << " | "
                << (plugin ? Format(f.provider_processes, "%.0f", "") : "") << " | "
                << (cloud ? Format(f.calls_per_key, "%.2f", "") : "") << " | "
                << (cloud ? Format(f.tokens_per_process, "%.2f", "") : "") << " | "
                << (cloud ? Format(f.connections, "%.0f", "n/a") : "") << " |\n";
        }
        return out.str();
    }

    [[nodiscard]] std::string Tsv() const {
        std::ostringstream out;
        out << "# phase\tseries\tn\truns\twall_s\tlimit_s\tratio\tterraform_cpu_s\tprovider_cpu_s\tprovider_rss_mib\t"
               "provider_starts\tcalls_per_key\ttokens_per_start\tconnections\tstate_kib\n";
        for (const Row* row : Ordered()) {
            const auto f = FiguresOf(*row);
            const auto ratio = Ratio(f.wall_s, f.limit_s);
            out << row->phase << '\t' << row->subject.Series() << '\t' << row->n << '\t' << row->samples.size() << '\t'
                << Format(f.wall_s, "%.3f", "NaN") << '\t' << Format(f.limit_s, "%.3f", "NaN") << '\t'
                << Format(ratio, "%.3f", "NaN") << '\t' << Format(f.terraform_cpu_s, "%.3f", "NaN") << '\t'
                << Format(f.provider_cpu_s, "%.3f", "NaN") << '\t' << Format(f.provider_rss_mib, "%.1f", "NaN") << '\t'
                << Format(f.provider_processes, "%.0f", "NaN") << '\t' << Format(f.calls_per_key, "%.3f", "NaN") << '\t'
                << Format(f.tokens_per_process, "%.3f", "NaN") << '\t' << Format(f.connections, "%.0f", "NaN") << '\t'
                << Format(f.state_kib, "%.0f", "NaN") << '\n';
        }
        return out.str();
    }

    Options options_;
    TempDir scratch_;
    fs::path cli_config_;
    std::vector<Subject> subjects_;
    std::vector<Row> rows_;
};

}  // namespace

int main(int argc, char** argv) {
    try {
        Benchmark benchmark(ParseOptions(argc, argv));
        benchmark.Run();
        benchmark.Report();
    } catch (const std::exception& error) {
        std::cerr << "bench_terraform_scale: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
