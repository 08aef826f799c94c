#pragma once
/// @file
/// The reference module's own clock. Every spec timer (REDIALDELAY, CALLBACKTIMER, PHYTIMEOUT,
/// PINGDELAY, the PUTMAIL inactivity) is counted in module time, which the runtime maps onto
/// real time through a time scale, so that a test of a 14 s REDIALDELAY takes milliseconds.

#include <chrono>

namespace atsharp::reference {

/// Milliseconds of module time since the module was powered on.
using ModuleTime = std::chrono::milliseconds;

}  // namespace atsharp::reference
