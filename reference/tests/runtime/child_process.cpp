#include "child_process.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace atsharp::test {
namespace {

// posix_spawn's file actions: fd @p target from @p source, or /dev/null when there is none.
void redirect(posix_spawn_file_actions_t& actions, int source, int target, int flags) {
  if (source >= 0) {
    posix_spawn_file_actions_adddup2(&actions, source, target);
  } else {
    posix_spawn_file_actions_addopen(&actions, target, "/dev/null", flags, 0);
  }
}

}  // namespace

ChildProcess::ChildProcess(std::vector<std::string> argv, int stdinFd, int stdoutFd) {
  int ends[2];
  REQUIRE(::pipe2(ends, O_CLOEXEC) == 0);
  stderrPipe_.reset(ends[0]);
  const UniqueFd writeEnd(ends[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  redirect(actions, stdinFd, 0, O_RDONLY);
  redirect(actions, stdoutFd, 1, O_WRONLY);
  posix_spawn_file_actions_adddup2(&actions, writeEnd.get(), 2);
  std::vector<char*> args;
  for (std::string& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  const int error = ::posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE_MESSAGE(error == 0, "cannot start ", argv[0], ": ", std::strerror(error));
}

ChildProcess::~ChildProcess() {
  if (reaped_ || pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
}

void ChildProcess::signal(int number) const { REQUIRE(::kill(pid_, number) == 0); }

bool ChildProcess::readStderr(Deadline deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  pollfd wait{stderrPipe_.get(), POLLIN, 0};
  if (::poll(&wait, 1, static_cast<int>(std::max<long>(0, left.count()))) <= 0) return false;
  char buffer[4096];
  const ssize_t got = ::read(stderrPipe_.get(), buffer, sizeof buffer);
  if (got <= 0) return false;
  stderr_.append(buffer, static_cast<std::size_t>(got));
  return true;
}

bool ChildProcess::waitForStderr(std::string_view text, Deadline deadline) {
  while (stderr_.find(text) == std::string::npos) {
    if (!readStderr(deadline)) return false;
  }
  return true;
}

std::optional<int> ChildProcess::waitForExit(Deadline deadline) {
  while (readStderr(deadline)) {
  }
  if (Clock::now() >= deadline) return std::nullopt;
  int status = 0;
  if (::waitpid(pid_, &status, 0) != pid_) return std::nullopt;
  reaped_ = true;
  return status;
}

int exitStatus(int waitStatus) { return WIFEXITED(waitStatus) ? WEXITSTATUS(waitStatus) : -1; }

}  // namespace atsharp::test
