#include "progress_meter.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <utility>

namespace atsharp::cli::lab {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr auto kRedrawInterval = 100ms;
// Below this the rate says more about start-up than about the line.
constexpr auto kRateAfter = 200ms;

std::string oneDecimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string formatMinutes(std::uint64_t seconds) {
  char text[32];
  if (seconds >= 3600) {
    std::snprintf(text, sizeof text, "%llu:%02llu:%02llu",
                  static_cast<unsigned long long>(seconds / 3600),
                  static_cast<unsigned long long>(seconds / 60 % 60),
                  static_cast<unsigned long long>(seconds % 60));
  } else {
    std::snprintf(text, sizeof text, "%llu:%02llu", static_cast<unsigned long long>(seconds / 60),
                  static_cast<unsigned long long>(seconds % 60));
  }
  return text;
}

}  // namespace

std::string formatBytes(std::uint64_t bytes) {
  constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + " B";
  double value = static_cast<double>(bytes) / 1024;
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  return oneDecimal(value) + " " + kUnits[unit];
}

std::string describeProgress(const std::string& label, std::uint64_t bytes,
                             std::optional<std::uint64_t> total, Clock::duration elapsed) {
  std::string text = label + "  " + formatBytes(bytes);
  if (total && *total > 0) {
    text += " of " + formatBytes(*total) + "  " + std::to_string(bytes * 100 / *total) + "%";
  }
  if (elapsed < kRateAfter) return text;
  const double seconds = std::chrono::duration<double>(elapsed).count();
  const double rate = static_cast<double>(bytes) / seconds;
  text += "  " + formatBytes(static_cast<std::uint64_t>(rate)) + "/s";
  if (total && rate > 0 && *total >= bytes) {
    const auto left = static_cast<std::uint64_t>(static_cast<double>(*total - bytes) / rate + 0.5);
    text += "  ETA " + formatMinutes(left);
  }
  return text;
}

ProgressMeter::ProgressMeter(std::string label, std::optional<std::uint64_t> total, bool wanted)
    : label_(std::move(label)),
      total_(total),
      shown_(wanted && ::isatty(STDERR_FILENO) == 1),
      start_(Clock::now()),
      lastDraw_(start_ - kRedrawInterval) {}

ProgressMeter::~ProgressMeter() {
  // A transfer that failed leaves its last state on a line of its own before the error.
  if (shown_ && !finished_ && bytes_ > 0) std::cerr << "\n";
}

void ProgressMeter::update(std::uint64_t bytes) {
  bytes_ = bytes;
  if (!shown_ || Clock::now() - lastDraw_ < kRedrawInterval) return;
  draw();
}

void ProgressMeter::finish() {
  if (!shown_ || finished_) return;
  finished_ = true;
  draw();
  std::cerr << "\n" << std::flush;
}

void ProgressMeter::draw() {
  lastDraw_ = Clock::now();
  // CR, the line, then clear what a longer earlier line left.
  std::cerr << "\r" << describeProgress(label_, bytes_, total_, lastDraw_ - start_) << "\x1b[K"
            << std::flush;
}

}  // namespace atsharp::cli::lab
