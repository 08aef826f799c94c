#include "cli_run.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <stdexcept>

extern char** environ;

namespace atsharp::test {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    read = fds[0];
    write = fds[1];
  }
};

std::vector<std::string> environmentFor(const CliOptions& options) {
  std::vector<std::string> entries;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (std::strncmp(*entry, "ATSHARP_TARGET=", 15) != 0) entries.emplace_back(*entry);
  }
  if (options.target) entries.push_back("ATSHARP_TARGET=" + *options.target);
  entries.insert(entries.end(), options.environment.begin(), options.environment.end());
  return entries;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> result;
  for (std::string& text : strings) result.push_back(text.data());
  result.push_back(nullptr);
  return result;
}

// Feeds the input and collects both outputs until both end or the deadline passes.
void exchange(int in, int out, int err, const CliOptions& options, CliResult& result,
              Clock::time_point deadline) {
  const std::string& input = options.input;
  std::size_t written = 0;
  std::optional<Clock::time_point> closeInputAt;
  if (input.empty()) closeInputAt = Clock::now() + options.keepInputOpen;
  std::array<char, 65536> buffer;
  while (out >= 0 || err >= 0) {
    if (in >= 0 && closeInputAt && Clock::now() >= *closeInputAt) ::close(in), in = -1;
    std::vector<pollfd> watched;
    if (in >= 0 && !closeInputAt) watched.push_back({in, POLLOUT, 0});
    if (out >= 0) watched.push_back({out, POLLIN, 0});
    if (err >= 0) watched.push_back({err, POLLIN, 0});
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) break;
    if (in >= 0 && closeInputAt) {
      left = std::min(left, std::chrono::duration_cast<std::chrono::milliseconds>(
                                *closeInputAt - Clock::now()) +
                                std::chrono::milliseconds(1));
    }
    if (::poll(watched.data(), watched.size(), static_cast<int>(left.count())) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (const pollfd& ready : watched) {
      if (ready.revents == 0) continue;
      if (ready.fd == in) {
        const ssize_t n = ::write(in, input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (n < 0) ::close(in), in = -1;
        if (written == input.size()) closeInputAt = Clock::now() + options.keepInputOpen;
        continue;
      }
      const ssize_t n = ::read(ready.fd, buffer.data(), buffer.size());
      std::string& sink = ready.fd == out ? result.out : result.err;
      if (n > 0) {
        sink.append(buffer.data(), static_cast<std::size_t>(n));
      } else {
        ::close(ready.fd);
        (ready.fd == out ? out : err) = -1;
      }
    }
  }
  for (int fd : {in, out, err}) {
    if (fd >= 0) ::close(fd);
  }
}

}  // namespace

CliResult runAtsharp(const std::vector<std::string>& args, const CliOptions& options) {
  std::vector<std::string> argv{ATSHARP_EXECUTABLE};
  argv.insert(argv.end(), args.begin(), args.end());
  return runProgram(std::move(argv), options);
}

CliResult runProgram(std::vector<std::string> argv, const CliOptions& options) {
  std::vector<std::string> environment = environmentFor(options);
  Pipe in, out, err;
  ::signal(SIGPIPE, SIG_IGN);  // a command that stops reading its stdin must not kill the test

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.write, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions,
                                   options.stderrFd >= 0 ? options.stderrFd : err.write,
                                   STDERR_FILENO);
  pid_t pid = -1;
  std::vector<char*> argp = pointers(argv);
  std::vector<char*> envp = pointers(environment);
  const int spawned = ::posix_spawn(&pid, argp[0], &actions, nullptr, argp.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(in.read);
  ::close(out.write);
  ::close(err.write);
  if (spawned != 0) throw std::runtime_error("cannot start " + argv[0]);

  CliResult result;
  const Clock::time_point deadline = Clock::now() + options.timeout;
  exchange(in.write, out.read, err.read, options, result, deadline);
  int status = 0;
  if (Clock::now() >= deadline) ::kill(pid, SIGKILL);
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) && Clock::now() < deadline ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace atsharp::test
