#include "silence_watch.hpp"

#include <algorithm>

namespace atsharp::reference {

SilenceWatch::SilenceWatch(const TransferLimits& limits, Clock::time_point start)
    : limits_(limits), since_(start) {}

void SilenceWatch::commandSent(Clock::time_point now) {
  since_ = now;
  dataMoving_ = false;
}

void SilenceWatch::replied(Clock::time_point now) { since_ = now; }

void SilenceWatch::dataMoved(Clock::time_point now) {
  since_ = now;
  dataMoving_ = true;
}

// The wait for the server starts again when the module's ends: the time the server could not
// do anything about does not count against it.
void SilenceWatch::setHeld(bool held, Clock::time_point now) {
  if (held == held_) return;
  held_ = held;
  since_ = now;
}

bool SilenceWatch::expired(Clock::time_point now) const {
  return !held_ && now - since_ >= limit();
}

// Whatever happens from @p now on (a change of limit, a wait for the module that ends), no
// deadline can come before now plus the shorter limit: a check then never comes too late.
SilenceWatch::Clock::time_point SilenceWatch::nextCheck(Clock::time_point now) const {
  const Clock::time_point soonestNew =
      now + std::min<Clock::duration>(limits_.replyTimeout, limits_.stallTimeout);
  if (held_) return soonestNew;
  return std::min(since_ + limit(), soonestNew);
}

SilenceWatch::Clock::duration SilenceWatch::limit() const {
  return dataMoving_ ? Clock::duration(limits_.stallTimeout)
                     : Clock::duration(limits_.replyTimeout);
}

}  // namespace atsharp::reference
