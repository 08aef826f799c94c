#include "targets/hook_command.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>

extern char** environ;

namespace atsharp::harness {
namespace {
constexpr std::size_t kKeptOutput = 64 * 1024;
}  // namespace

HookResult runHook(const std::string& command, std::chrono::milliseconds timeout) {
  HookResult result;
  int pipe[2];
  if (::pipe2(pipe, O_CLOEXEC) != 0) {
    result.output = "cannot make a pipe for the hook";
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::string shell = "/bin/sh";
  std::string flag = "-c";
  std::string text = command;
  char* argv[] = {shell.data(), flag.data(), text.data(), nullptr};
  pid_t child = -1;
  const int spawned = posix_spawn(&child, shell.c_str(), &actions, &attributes, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  ::close(pipe[1]);
  if (spawned != 0) {
    ::close(pipe[0]);
    result.output = "cannot start /bin/sh";
    return result;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::array<char, 4096> buffer{};
  bool open = true;
  while (open) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd entry{pipe[0], POLLIN, 0};
    if (::poll(&entry, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t got = ::read(pipe[0], buffer.data(), buffer.size());
    if (got <= 0) {
      open = false;
    } else {
      result.output.append(buffer.data(), static_cast<std::size_t>(got));
      if (result.output.size() > kKeptOutput) result.output.erase(0, result.output.size() - kKeptOutput);
    }
  }
  ::close(pipe[0]);
  int status = 0;
  if (open) {  // still running at the deadline
    ::kill(-child, SIGKILL);
    ::waitpid(child, &status, 0);
    result.output += "\n(killed after " + std::to_string(timeout.count() / 1000) + " s)";
    return result;
  }
  ::waitpid(child, &status, 0);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.ok = result.status == 0;
  return result;
}

}  // namespace atsharp::harness
