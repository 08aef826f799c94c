#pragma once
// The time mapping of the runtime: module time runs at 1/timeScale of real (steady) time from
// the moment the module was powered on, so that the spec's timers of seconds and minutes take
// milliseconds in a test and their real length on a bench.

#include <chrono>

#include "atsharp/reference/module_time.hpp"

namespace atsharp::reference {

class ModuleClock {
 public:
  using RealTime = std::chrono::steady_clock::time_point;

  /// The smallest and largest time scales taken: beyond them the millisecond module clock
  /// would either overflow within days or stand still for hours of real time.
  static constexpr double kMinScale = 1e-6;
  static constexpr double kMaxScale = 1e6;

  /// @p timeScale real seconds per module second, from @p powerOn. Throws UsageError for a
  /// scale that is not a number within [kMinScale, kMaxScale].
  ModuleClock(double timeScale, RealTime powerOn);

  /// The module time at real time @p real (rounded down; 0 before power-on).
  ModuleTime at(RealTime real) const;

  /// The first real time at which the module time reaches @p time (rounded up, so that a timer
  /// armed for it never fires early; far deadlines are capped a century ahead).
  RealTime realTimeOf(ModuleTime time) const;

  double timeScale() const noexcept { return scale_; }

 private:
  double scale_;
  long double picosPerMilli_;
  RealTime powerOn_;
};

}  // namespace atsharp::reference
