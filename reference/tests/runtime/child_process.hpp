#pragma once
// A program the tests run as a separate process (atsharp emulate, chat): its stderr comes back
// through a pipe that is read with deadlines, so that a test waits for what the program says
// rather than for a guessed while.

#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "atsharp/transport/transport.hpp"
#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::test {

class ChildProcess {
 public:
  /// Starts @p argv[0] (a path) with @p argv. Its stdin and stdout are @p stdinFd and
  /// @p stdoutFd when given (valid), /dev/null otherwise; its stderr is a pipe to this process.
  explicit ChildProcess(std::vector<std::string> argv, int stdinFd = -1, int stdoutFd = -1);
  /// Kills (SIGKILL) and reaps the process if it still runs.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const noexcept { return pid_; }
  void signal(int number) const;

  /// Reads stderr until it contains @p text; false at the deadline or at its end.
  bool waitForStderr(std::string_view text, Deadline deadline);
  /// Reads stderr to its end (the process has exited), then reaps the process: its wait
  /// status, or nothing when the deadline came first.
  std::optional<int> waitForExit(Deadline deadline);
  /// Everything read from stderr so far.
  const std::string& stderrText() const noexcept { return stderr_; }

 private:
  /// Reads what stderr has within the deadline; false at the end of it or at the deadline.
  bool readStderr(Deadline deadline);

  pid_t pid_ = -1;
  UniqueFd stderrPipe_;
  std::string stderr_;
  bool reaped_ = false;
};

/// The exit status of a wait status that is a normal exit; -1 for a death by a signal.
int exitStatus(int waitStatus);

}  // namespace atsharp::test
