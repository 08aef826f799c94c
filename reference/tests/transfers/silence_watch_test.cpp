// SilenceWatch on its own, with times of the test's choosing: which limit is in force after
// each thing a transfer does, that waiting for the module never counts, and that the next check
// never comes after a deadline.

#include <doctest/doctest.h>

#include <chrono>

#include "runtime/network/silence_watch.hpp"

namespace atsharp::test {
namespace {

using namespace reference;
using namespace std::chrono_literals;
using Clock = SilenceWatch::Clock;

const Clock::time_point kStart = Clock::time_point() + 1000s;

TransferLimits limits() {
  TransferLimits limits;
  limits.replyTimeout = 60s;
  limits.stallTimeout = 120s;
  return limits;
}

TEST_CASE("silence watch gives the greeting the reply timeout from the start") {
  const TransferLimits bounds = limits();
  const SilenceWatch watch(bounds, kStart);
  CHECK_FALSE(watch.expired(kStart + 59999ms));
  CHECK(watch.expired(kStart + 60s));
  CHECK(watch.nextCheck(kStart) == kStart + 60s);
}

TEST_CASE("silence watch gives a reply the reply timeout from its command") {
  const TransferLimits bounds = limits();
  SilenceWatch watch(bounds, kStart);
  watch.commandSent(kStart + 50s);
  CHECK_FALSE(watch.expired(kStart + 109s));
  CHECK(watch.expired(kStart + 110s));
  watch.replied(kStart + 100s);  // a line of a longer reply
  CHECK_FALSE(watch.expired(kStart + 159s));
  CHECK(watch.expired(kStart + 160s));
}

TEST_CASE("silence watch gives moving data the stall timeout until the next command") {
  const TransferLimits bounds = limits();
  SilenceWatch watch(bounds, kStart);
  watch.dataMoved(kStart + 10s);
  CHECK_FALSE(watch.expired(kStart + 129s));
  CHECK(watch.expired(kStart + 130s));
  watch.replied(kStart + 20s);  // a line during the data (FTP's 150 came late): still data
  CHECK_FALSE(watch.expired(kStart + 139s));
  CHECK(watch.expired(kStart + 140s));
  watch.commandSent(kStart + 30s);
  CHECK_FALSE(watch.expired(kStart + 89s));
  CHECK(watch.expired(kStart + 90s));
}

TEST_CASE("silence watch never counts the time the transfer waits for the module") {
  const TransferLimits bounds = limits();
  SilenceWatch watch(bounds, kStart);
  watch.dataMoved(kStart);
  watch.setHeld(true, kStart + 100s);
  CHECK_FALSE(watch.expired(kStart + 1000s));
  watch.setHeld(true, kStart + 500s);  // still held: nothing changes
  CHECK_FALSE(watch.expired(kStart + 1000s));
  watch.setHeld(false, kStart + 1000s);  // the server's turn again, from now
  CHECK_FALSE(watch.expired(kStart + 1119s));
  CHECK(watch.expired(kStart + 1120s));
}

TEST_CASE("silence watch checks again before any deadline can pass") {
  const TransferLimits bounds = limits();
  SilenceWatch watch(bounds, kStart);
  watch.commandSent(kStart);
  CHECK(watch.nextCheck(kStart) == kStart + 60s);
  // Data that starts moving later never shortens the wait below the shorter limit from now.
  watch.dataMoved(kStart + 10s);
  CHECK(watch.nextCheck(kStart + 10s) == kStart + 70s);
  CHECK(watch.nextCheck(kStart + 100s) == kStart + 130s);
  // Held: no deadline, yet a look once the shorter limit passed, since the wait may end.
  watch.setHeld(true, kStart + 100s);
  CHECK(watch.nextCheck(kStart + 100s) == kStart + 160s);
}

TEST_CASE("silence watch with a reply timeout longer than the stall timeout") {
  TransferLimits bounds = limits();
  bounds.replyTimeout = 300s;
  bounds.stallTimeout = 5s;
  SilenceWatch watch(bounds, kStart);
  // Waiting for a reply, the look comes after the stall timeout: data could start moving.
  CHECK(watch.nextCheck(kStart) == kStart + 5s);
  CHECK_FALSE(watch.expired(kStart + 5s));
  CHECK(watch.expired(kStart + 300s));
}

}  // namespace
}  // namespace atsharp::test
