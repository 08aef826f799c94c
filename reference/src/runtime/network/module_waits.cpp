#include "module_waits.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "atsharp/error.hpp"

namespace atsharp::reference {
namespace {

// A day: far beyond any wait of the module at any scale, and still a count every API here
// takes (c-ares' timeout is an int of milliseconds).
constexpr long double kLongestMilliseconds = 24.0L * 3600 * 1000;
// kShortestPeerWait: these waits race a real peer's answer, unlike the spec's timers: on a
// loaded machine a loopback server may take tens of milliseconds to answer, and a shorter wait
// would turn answers into silence (a DNS server's 1 s is 10 ms at scale 0.01).
constexpr long double kPicosPerMilli = 1e9L;

}  // namespace

// As ModuleClock does, the scale counts in whole picoseconds per module millisecond, so that
// decimal scales map whole milliseconds exactly (at 0.07, 14 s are 980 ms, not 981).
std::chrono::milliseconds realWait(std::chrono::milliseconds wait, double timeScale,
                                   std::chrono::milliseconds shortest) {
  if (!std::isfinite(timeScale) || timeScale <= 0) {
    throw UsageError("time scale " + std::to_string(timeScale) + " is not a positive number");
  }
  const long double picosPerMilli =
      std::round(static_cast<long double>(timeScale) * kPicosPerMilli);
  const long double milliseconds =
      std::ceil(static_cast<long double>(wait.count()) * picosPerMilli / kPicosPerMilli);
  return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(
      std::clamp(milliseconds,
                 std::min(static_cast<long double>(shortest.count()), kLongestMilliseconds),
                 kLongestMilliseconds)));
}

SocketLimits atTimeScale(SocketLimits limits, double timeScale) {
  limits.connectTimeout = realWait(limits.connectTimeout, timeScale);
  limits.dnsTimeout = realWait(limits.dnsTimeout, timeScale);
  return limits;
}

TransferLimits atTimeScale(TransferLimits limits, double timeScale) {
  limits.connectTimeout = realWait(limits.connectTimeout, timeScale, kShortestLoginWait);
  limits.replyTimeout = realWait(limits.replyTimeout, timeScale);
  limits.stallTimeout = realWait(limits.stallTimeout, timeScale);
  return limits;
}

}  // namespace atsharp::reference
