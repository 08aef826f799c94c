#pragma once
// The subcommands of the atsharp command line. Each takes its own arguments, with its name as
// argv[0], and returns the exit status: 0 success, 2 a usage error; others are its own.

#include "lab/lab_commands.hpp"  // the lab-bench commands: at, shell, config, ftp ...

namespace atsharp::cli {

/// atsharp conform: replays the conformance suites against a target and writes the reports.
int conform(int argc, char** argv);

/// atsharp report: shows, compares and merges the JSON reports of atsharp conform.
int report(int argc, char** argv);

/// atsharp emulate: runs a reference module on a pty, a loopback TCP port, or both.
int emulate(int argc, char** argv);

}  // namespace atsharp::cli
