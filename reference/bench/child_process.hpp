#pragma once
// A program the benchmark runs beside itself (atsharp emulate, socat, a fixture script): started
// with its output in a file, and always stopped and reaped when the object goes.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace atsharp::bench {

class ChildProcess {
 public:
  /// Starts @p argv (argv[0] a path, or a name looked up in PATH) with stdin from /dev/null and
  /// stdout and stderr to @p output. Throws std::runtime_error when it cannot be started.
  /// Call it from the main thread only: the child is told to get SIGTERM when the thread that
  /// started it ends (PR_SET_PDEATHSIG), which then covers a benchmark killed with SIGKILL too.
  ChildProcess(std::vector<std::string> argv, std::filesystem::path output);
  /// terminate().
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// Whether it still runs (reaps it when it ended).
  bool running();

  /// Waits until it exits by itself and returns its exit status (128 + N for signal N).
  /// Throws std::runtime_error, with its output, when it takes longer than @p timeout (it is
  /// then terminated), and Interrupted after a signal when @p interruptible (a clean-up that
  /// must finish is not).
  int wait(std::chrono::milliseconds timeout, bool interruptible = true);

  /// SIGTERM, a short grace, then SIGKILL; reaps it. Idempotent.
  void terminate() noexcept;

  /// What it wrote so far (stdout and stderr), for messages.
  std::string output() const;

  /// The program's name and its status, for messages: "socat (exit status 1)".
  std::string describe();

 private:
  bool reap(int options) noexcept;

  std::string name_;
  std::filesystem::path output_;
  pid_t pid_ = -1;
  std::optional<int> status_;  ///< once reaped
};

/// @p program found in PATH (or as given when it has a '/'); nothing when missing.
std::optional<std::filesystem::path> findProgram(const std::string& program);

}  // namespace atsharp::bench
