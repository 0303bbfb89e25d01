#include "test_support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

extern char** environ;

namespace test_support {

namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
    int read = -1;
    int write = -1;
};

Pipe MakePipe() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    return {fds[0], fds[1]};
}

int Spawn(const std::vector<std::string>& argv, const ProcessOptions& options, Pipe in, Pipe out, Pipe err) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write, 2);
    if (!options.working_directory.empty()) {
        posix_spawn_file_actions_addchdir_np(&actions, options.working_directory.c_str());
    }
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    auto environment = MergedEnvironment(options.environment);
    std::vector<char*> env;
    for (auto& entry : environment)
        env.push_back(entry.data());
    env.push_back(nullptr);
    pid_t pid = -1;
    const int error = posix_spawnp(&pid, argv.at(0).c_str(), &actions, nullptr, args.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    close(in.read);
    close(out.write);
    close(err.write);
    if (error != 0) {
        throw std::runtime_error("cannot start " + argv.at(0) + ": " + std::strerror(error));
    }
    return pid;
}

// Reads whatever is available on fd into buffer; returns false at end of file.
bool ReadSome(int fd, std::string& buffer) {
    char chunk[65536];
    const ssize_t n = read(fd, chunk, sizeof chunk);
    if (n <= 0)
        return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
    return true;
}

}  // namespace

std::vector<std::string> MergedEnvironment(const std::map<std::string, std::optional<std::string>>& changes) {
    std::vector<std::string> result;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        std::string text(*entry);
        const auto name = text.substr(0, text.find('='));
        if (changes.find(name) == changes.end())
            result.push_back(text);
    }
    for (const auto& [name, value] : changes) {
        if (value)
            result.push_back(name + "=" + *value);
    }
    return result;
}

ProcessResult RunProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
    Pipe in = MakePipe();
    Pipe out = MakePipe();
    Pipe err = MakePipe();
    const int pid = Spawn(argv, options, in, out, err);
    // Small inputs only: written before reading, which is enough for the tests' needs.
    if (!options.input.empty()) {
        [[maybe_unused]] auto written = write(in.write, options.input.data(), options.input.size());
    }
    close(in.write);

    ProcessResult result;
    const auto deadline = Clock::now() + options.timeout;
    pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    int open_streams = 2;
    while (open_streams > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            result.timed_out = true;
            kill(pid, SIGKILL);
            break;
        }
        if (poll(fds, 2, static_cast<int>(left)) <= 0)
            continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP)) != 0) {
                if (!ReadSome(fds[i].fd, i == 0 ? result.out : result.err)) {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                    --open_streams;
                }
            }
        }
    }
    for (auto& fd : fds) {
        if (fd.fd >= 0)
            close(fd.fd);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (!result.timed_out && WIFEXITED(status))
        result.exit_code = WEXITSTATUS(status);
    return result;
}

BackgroundProcess::BackgroundProcess(const std::vector<std::string>& argv, const ProcessOptions& options) {
    Pipe in = MakePipe();
    Pipe out = MakePipe();
    Pipe err = MakePipe();
    pid_ = Spawn(argv, options, in, out, err);
    close(in.write);
    out_fd_ = out.read;
    err_fd_ = err.read;
    err_reader_ = std::thread([this] {
        std::string chunk;
        while (ReadSome(err_fd_, chunk)) {
            std::lock_guard lock(err_mutex_);
            err_ += chunk;
            chunk.clear();
        }
    });
}

std::string BackgroundProcess::Stderr() {
    std::lock_guard lock(err_mutex_);
    return err_;
}

BackgroundProcess::~BackgroundProcess() {
    if (!exit_code_) {
        kill(pid_, SIGKILL);
        Wait(std::chrono::seconds(5));
    }
    close(out_fd_);
    err_reader_.join();  // ends at end of file: the child is gone
    close(err_fd_);
}

std::optional<std::string> BackgroundProcess::ReadLine(std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    while (true) {
        const auto newline = out_buffer_.find('\n');
        if (newline != std::string::npos) {
            auto line = out_buffer_.substr(0, newline);
            out_buffer_.erase(0, newline + 1);
            return line;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            return std::nullopt;
        pollfd fd{out_fd_, POLLIN, 0};
        if (poll(&fd, 1, static_cast<int>(std::min<long long>(left, 100))) > 0 && !ReadSome(out_fd_, out_buffer_)) {
            return std::nullopt;
        }
    }
}

std::optional<int> BackgroundProcess::Wait(std::chrono::milliseconds timeout) {
    if (exit_code_)
        return exit_code_;
    const auto deadline = Clock::now() + timeout;
    while (true) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
            return exit_code_;
        }
        if (Clock::now() >= deadline)
            return std::nullopt;
        usleep(5000);
    }
}

void BackgroundProcess::Signal(int signal) {
    if (!exit_code_)
        kill(pid_, signal);
}

}  // namespace test_support
