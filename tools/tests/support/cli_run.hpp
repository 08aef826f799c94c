#pragma once
// Runs the atsharp binary (or another program) as a user's shell would: arguments, bytes on stdin, and what it
// writes on stdout and stderr, with its exit status. The environment is this process's, with
// ATSHARP_TARGET removed unless the test gives it.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace atsharp::test {

struct CliResult {
  int status = -1;  ///< the exit status; -1 when it did not exit on its own
  std::string out;
  std::string err;
};

struct CliOptions {
  std::string input = {};                   ///< written to its stdin, which then ends
  /// How long stdin stays open once the input is written (a user who has not typed Ctrl-D).
  std::chrono::milliseconds keepInputOpen{0};
  std::optional<std::string> target = {};   ///< ATSHARP_TARGET, when given
  int stderrFd = -1;                        ///< its stderr, when not captured (a terminal)
  std::chrono::seconds timeout{60};         ///< killed after this (status -1)
  std::vector<std::string> environment = {};  ///< more variables, as "NAME=value"
};

/// Runs `atsharp ARGS...`.
CliResult runAtsharp(const std::vector<std::string>& args, const CliOptions& options = {});

/// Runs @p argv (argv[0] a path) the same way.
CliResult runProgram(std::vector<std::string> argv, const CliOptions& options = {});

}  // namespace atsharp::test
