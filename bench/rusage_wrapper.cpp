// Stands in for a provider binary in a dev_overrides folder so the scale benchmark can see what
// each provider process Terraform starts costs. It runs the real provider (RUSAGE_WRAPPER_EXEC)
// as its child with the same arguments, environment and standard streams, passes SIGTERM and
// SIGINT on, and once the child is gone appends one tab-separated line to RUSAGE_WRAPPER_LOG:
//
//   pid  user-seconds  system-seconds  peak-RSS-KiB  wall-seconds  exit-status
//
// then exits as the child did. Terraform talks to the child directly (the handshake line and the
// gRPC socket are the child's), so the only cost added is one fork and exec per start.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

volatile sig_atomic_t child_pid = 0;

void Forward(int signal) {
    if (child_pid > 0)
        kill(child_pid, signal);
}

double Seconds(const timeval& value) {
    return static_cast<double>(value.tv_sec) + static_cast<double>(value.tv_usec) / 1e6;
}

double Now() {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

// One write() of the whole line to a file opened with O_APPEND, so the lines of providers that
// end at the same time never interleave.
void AppendLine(const char* path, const char* line, std::size_t length) {
    const int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        std::fprintf(stderr, "rusage-wrapper: cannot open %s: %s\n", path, std::strerror(errno));
        return;
    }
    if (write(fd, line, length) != static_cast<ssize_t>(length))
        std::fprintf(stderr, "rusage-wrapper: cannot write %s: %s\n", path, std::strerror(errno));
    close(fd);
}

}  // namespace

int main(int /*argc*/, char** argv) {
    const char* target = std::getenv("RUSAGE_WRAPPER_EXEC");
    const char* log = std::getenv("RUSAGE_WRAPPER_LOG");
    if (target == nullptr || *target == '\0' || log == nullptr || *log == '\0') {
        std::fprintf(stderr, "rusage-wrapper: RUSAGE_WRAPPER_EXEC and RUSAGE_WRAPPER_LOG must be set\n");
        return 2;
    }

    // Handlers go in before the fork, so a signal that arrives just after it is not lost; the
    // child resets them to the default when it execs.
    struct sigaction forward {};
    forward.sa_handler = Forward;
    sigemptyset(&forward.sa_mask);
    sigaction(SIGTERM, &forward, nullptr);
    sigaction(SIGINT, &forward, nullptr);

    const double started = Now();
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
        std::fprintf(stderr, "rusage-wrapper: fork: %s\n", std::strerror(errno));
        return 2;
    }
    if (pid == 0) {
        // Should Terraform kill the wrapper outright (go-plugin's last resort), the provider goes
        // with it, as it would have had it been started directly.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        execv(target, argv);
        std::fprintf(stderr, "rusage-wrapper: cannot run %s: %s\n", target, std::strerror(errno));
        _exit(127);
    }
    child_pid = pid;

    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::fprintf(stderr, "rusage-wrapper: wait4: %s\n", std::strerror(errno));
            return 2;
        }
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    char line[256];
    const int length = std::snprintf(line,
                                     sizeof line,
                                     "%d\t%.6f\t%.6f\t%ld\t%.6f\t%d\n",
                                     static_cast<int>(pid),
                                     Seconds(usage.ru_utime),
                                     Seconds(usage.ru_stime),
                                     usage.ru_maxrss,
                                     Now() - started,
                                     code);
    if (length > 0)
        AppendLine(log, line, static_cast<std::size_t>(length));

    if (WIFSIGNALED(status)) {
        // Dying of the same signal tells Terraform the same story the provider would have.
        signal(WTERMSIG(status), SIG_DFL);
        raise(WTERMSIG(status));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
