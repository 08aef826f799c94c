#pragma once
// The progress line of a transfer: bytes so far, rate, and the time left when the size is
// known, redrawn in place on stderr. Shown only when stderr is a terminal (never in a pipe, a
// file or a log) and the output is not JSON.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace atsharp::cli::lab {

/// "1.5 MiB", "512 B": @p bytes in binary units, one decimal from KiB on.
std::string formatBytes(std::uint64_t bytes);

/// The text of the line: "ftp get  1.5 MiB  300.0 KiB/s" and, when @p total is known,
/// "  42%  ETA 0:07". The rate and ETA are left out until some time has passed.
std::string describeProgress(const std::string& label, std::uint64_t bytes,
                             std::optional<std::uint64_t> total,
                             std::chrono::steady_clock::duration elapsed);

class ProgressMeter {
 public:
  /// A line for a transfer of @p total bytes (unknown: nothing), shown when @p wanted and
  /// stderr is a terminal.
  ProgressMeter(std::string label, std::optional<std::uint64_t> total, bool wanted);
  ~ProgressMeter();
  ProgressMeter(const ProgressMeter&) = delete;
  ProgressMeter& operator=(const ProgressMeter&) = delete;

  /// Redraws the line (at most ten times a second).
  void update(std::uint64_t bytes);
  /// Draws the last state and ends the line.
  void finish();

 private:
  void draw();

  std::string label_;
  std::optional<std::uint64_t> total_;
  bool shown_;
  bool finished_ = false;
  std::uint64_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point lastDraw_;
};

}  // namespace atsharp::cli::lab
