#pragma once
// A bench's hook: a shell command that power-cycles or resets the module (switching a relay,
// asking a lab controller). Run with /bin/sh -c, bounded in time, its output kept for the
// report.

#include <chrono>
#include <string>

namespace atsharp::harness {

struct HookResult {
  bool ok = false;     ///< it ran and exited with status 0 in time
  int status = -1;     ///< its exit status (-1: it did not exit on its own)
  std::string output;  ///< what it wrote on stdout and stderr (the last 64 KiB)
};

/// Runs @p command, killing it (and its process group) after @p timeout.
HookResult runHook(const std::string& command, std::chrono::milliseconds timeout);

}  // namespace atsharp::harness
