#include "module_clock.hpp"

#include <cmath>
#include <sstream>

#include "atsharp/error.hpp"

namespace atsharp::reference {
namespace {

using Nanos = std::chrono::nanoseconds;

constexpr long double kPicosPerNano = 1000;
constexpr long double kPicosPerMilli = 1e9L;
// About a century: far beyond any spec timer at any scale, and well inside the range of the
// steady clock's 64-bit nanoseconds, so a huge deadline times a large scale cannot overflow.
constexpr long double kFarthest = 3.2e18L;

double checkedScale(double scale) {
  if (!std::isfinite(scale) || scale < ModuleClock::kMinScale || scale > ModuleClock::kMaxScale) {
    std::ostringstream message;
    message << "time scale " << scale << " is out of range (expected a number from "
            << ModuleClock::kMinScale << " to " << ModuleClock::kMaxScale << ")";
    throw UsageError(message.str());
  }
  return scale;
}

}  // namespace

// The scale is kept as a whole number of real picoseconds per module millisecond (to nine
// decimal places of the scale), so that the decimal scales people use (0.001, 0.3) map whole
// module milliseconds onto whole real nanoseconds exactly, both ways, where a binary fraction
// such as the double nearest 0.001 would put 14 ms of real time a hair short of 14 s of module
// time.
ModuleClock::ModuleClock(double timeScale, RealTime powerOn)
    : scale_(checkedScale(timeScale)),
      picosPerMilli_(std::round(static_cast<long double>(scale_) * kPicosPerMilli)),
      powerOn_(powerOn) {}

ModuleTime ModuleClock::at(RealTime real) const {
  if (real <= powerOn_) return ModuleTime{0};
  const auto elapsed = static_cast<long double>(Nanos(real - powerOn_).count());
  const long double millis = std::floor(elapsed * kPicosPerNano / picosPerMilli_);
  return ModuleTime{static_cast<ModuleTime::rep>(std::min(millis, kFarthest))};
}

ModuleClock::RealTime ModuleClock::realTimeOf(ModuleTime time) const {
  if (time.count() <= 0) return powerOn_;
  const long double nanos =
      std::ceil(static_cast<long double>(time.count()) * picosPerMilli_ / kPicosPerNano);
  return powerOn_ + Nanos(static_cast<Nanos::rep>(std::min(nanos, kFarthest)));
}

}  // namespace atsharp::reference
