#pragma once
// Durations in suites. A spec timer (REDIALDELAY, a forbid window over rings) is written in
// module seconds, which the target's time scale turns into real time: 5 is 5 s on a real module
// and 50 ms on a reference module at scale 0.01. A few things are about the line rather than
// the module (how long it must stay silent to count as quiet) and are written in real time.

#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

namespace atsharp::harness {

struct Duration {
  double seconds = 0;
  bool real = false;  ///< real seconds; otherwise module seconds

  /// The real time it takes at @p timeScale (real seconds per module second).
  std::chrono::nanoseconds realTime(double timeScale) const;
  /// As a suite writes it: "5 s", "300 ms real".
  std::string text() const;
};

/// Reads a number (module seconds) or a string "<number><unit>[ real]", unit ms, s or min:
/// 5, 0.5, "500ms", "14s", "2min", "300ms real". Throws UsageError.
Duration parseDuration(const nlohmann::json& value);

}  // namespace atsharp::harness
