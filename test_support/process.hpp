#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace test_support {

struct ProcessResult {
    int exit_code = -1;  ///< -1 when killed by a signal or timed out
    bool timed_out = false;
    std::string out;
    std::string err;
};

struct ProcessOptions {
    std::string working_directory;
    /// Added to (or replacing in) the parent's environment; an empty optional removes the variable.
    std::map<std::string, std::optional<std::string>> environment;
    std::string input;
    std::chrono::milliseconds timeout = std::chrono::minutes(5);
};

/// Runs a program to completion and captures its output. The program is looked up on PATH.
ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

/// A program left running in the background, reading its stdout line by line; killed (and its
/// output drained) when destroyed.
class BackgroundProcess {
public:
    BackgroundProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;
    ~BackgroundProcess();

    /// The next line from stdout, or nothing on end of output or timeout.
    std::optional<std::string> ReadLine(std::chrono::milliseconds timeout);
    /// Waits for exit; returns the exit code, or nothing on timeout.
    std::optional<int> Wait(std::chrono::milliseconds timeout);
    void Signal(int signal);
    [[nodiscard]] int Pid() const { return pid_; }
    /// Everything the program wrote to stderr so far. A thread keeps reading it, so a chatty
    /// program never blocks on a full pipe.
    [[nodiscard]] std::string Stderr();

private:
    int pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    std::string out_buffer_;
    std::mutex err_mutex_;
    std::string err_;
    std::thread err_reader_;
    std::optional<int> exit_code_;
};

/// Builds the environment block for a child: the parent's, with the changes applied.
std::vector<std::string> MergedEnvironment(const std::map<std::string, std::optional<std::string>>& changes);

}  // namespace test_support
