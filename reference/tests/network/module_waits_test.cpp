// The module's network waits in real time: module time times the scale, rounded up to whole
// milliseconds, never below 100 ms (they race a real peer's answer); the host's bounds
// untouched.

#include <doctest/doctest.h>

#include <chrono>
#include <limits>

#include "atsharp/error.hpp"
#include "runtime/network/module_waits.hpp"

namespace atsharp::reference::test {
namespace {

using namespace std::chrono_literals;

TEST_CASE("module waits scale with the time scale exactly for decimal scales") {
  CHECK(realWait(30'000ms, 1.0) == 30'000ms);
  CHECK(realWait(30'000ms, 0.01) == 300ms);
  CHECK(realWait(60'000ms, 0.01) == 600ms);
  CHECK(realWait(14'000ms, 0.07) == 980ms);  // 0.07 is no binary fraction: still exact
  CHECK(realWait(60'000ms, 2.5) == 150'000ms);
}

TEST_CASE("module waits round up to whole milliseconds") {
  CHECK(realWait(100'001ms, 0.01) == 1'001ms);   // 1000.01 ms
  CHECK(realWait(150'001ms, 0.001) == 151ms);    // 150.001 ms
  CHECK(realWait(1'001ms, 0.5) == 501ms);        // 500.5 ms
}

TEST_CASE("module waits never shrink below 100 ms of real time") {
  CHECK(realWait(1'000ms, 0.01) == 100ms);  // 10 ms: a loaded machine's peer may take longer
  CHECK(realWait(30'000ms, 0.001) == 100ms);
  CHECK(realWait(30'000ms, 0.000001) == 100ms);
  CHECK(realWait(0ms, 1.0) == 100ms);  // and never 0, "no limit" to libcurl and c-ares
  CHECK(realWait(100'000ms, 0.001) == 100ms);
  CHECK(realWait(30'000ms, 0.01, 2'000ms) == 2'000ms);  // a floor of the caller's
  CHECK(realWait(30'000ms, 0.1, 2'000ms) == 3'000ms);
}

TEST_CASE("module waits refuse a time scale that is not a positive number") {
  CHECK_THROWS_AS(realWait(1'000ms, 0.0), UsageError);
  CHECK_THROWS_AS(realWait(1'000ms, -1.0), UsageError);
  CHECK_THROWS_AS(realWait(1'000ms, std::numeric_limits<double>::quiet_NaN()), UsageError);
  CHECK_THROWS_AS(realWait(1'000ms, std::numeric_limits<double>::infinity()), UsageError);
}

TEST_CASE("socket limits at a time scale - the connect and DNS waits scale - the linger does not") {
  const SocketLimits scaled = atTimeScale(SocketLimits{}, 0.01);
  CHECK(scaled.connectTimeout == 300ms);
  CHECK(scaled.dnsTimeout == 100ms);  // 10 ms, raised to the shortest wait
  CHECK(scaled.dnsTries == 1);
  CHECK(scaled.closeLinger == 30'000ms);
}

TEST_CASE("transfer limits at a time scale - the waits scale - the memory bounds do not") {
  const TransferLimits scaled = atTimeScale(TransferLimits{}, 0.01);
  CHECK(scaled.connectTimeout == 2'000ms);  // 300 ms, raised to the shortest login wait
  CHECK(atTimeScale(TransferLimits{}, 0.1).connectTimeout == 3'000ms);
  CHECK(scaled.replyTimeout == 600ms);
  CHECK(scaled.stallTimeout == 1'200ms);
  CHECK(scaled.chunkSize == 64 * 1024);
  CHECK(scaled.inFlight == 256 * 1024);
  CHECK(scaled.maxMessage == 1024 * 1024);
}

}  // namespace
}  // namespace atsharp::reference::test
