// The runtime's pure parts: the mapping of module time onto real time, and the listen address.

#include "runtime/module_clock.hpp"

#include <doctest/doctest.h>

#include <limits>

#include "atsharp/error.hpp"
#include "runtime/listen_address.hpp"

namespace atsharp::reference {
namespace {

using std::chrono::milliseconds;
using std::chrono::nanoseconds;
using std::chrono::seconds;
const ModuleClock::RealTime kPowerOn =
    std::chrono::steady_clock::time_point{} + std::chrono::hours(1);

}  // namespace

TEST_CASE("module time runs at one over the time scale of real time") {
  const ModuleClock normal(1.0, kPowerOn);
  CHECK(normal.at(kPowerOn) == ModuleTime{0});
  CHECK(normal.at(kPowerOn - seconds(5)) == ModuleTime{0});
  CHECK(normal.at(kPowerOn + milliseconds(14'000)) == ModuleTime{14'000});
  CHECK(normal.at(kPowerOn + nanoseconds(999'999)) == ModuleTime{0});

  const ModuleClock fast(0.001, kPowerOn);
  CHECK(fast.at(kPowerOn + milliseconds(14)) == ModuleTime{14'000});
  CHECK(fast.realTimeOf(ModuleTime{14'000}) == kPowerOn + milliseconds(14));

  const ModuleClock slow(2.5, kPowerOn);
  CHECK(slow.at(kPowerOn + seconds(5)) == ModuleTime{2'000});
  CHECK(slow.realTimeOf(ModuleTime{2'000}) == kPowerOn + seconds(5));
}

TEST_CASE("a timer armed for a module deadline never fires before it") {
  for (const double scale : {1.0, 0.001, 0.01, 0.3, 1e-6, 7.77, 1e6}) {
    const ModuleClock clock(scale, kPowerOn);
    for (const ModuleTime::rep millis : {1, 2, 999, 1000, 5'000, 14'000, 900'000}) {
      CAPTURE(scale);
      CAPTURE(millis);
      const ModuleClock::RealTime due = clock.realTimeOf(ModuleTime{millis});
      CHECK(due > kPowerOn);
      CHECK(clock.at(due - nanoseconds(1)) < ModuleTime{millis});
    }
  }
}

TEST_CASE("a far deadline at a large time scale does not overflow the real clock") {
  const ModuleClock clock(ModuleClock::kMaxScale, kPowerOn);
  const ModuleClock::RealTime due =
      clock.realTimeOf(ModuleTime{std::numeric_limits<ModuleTime::rep>::max() / 2});
  CHECK(due > kPowerOn + std::chrono::hours(24 * 365 * 50));
}

TEST_CASE("time scales out of range are refused") {
  for (const double scale : {0.0, -1.0, 1e-7, 2e6, std::numeric_limits<double>::infinity(),
                             std::numeric_limits<double>::quiet_NaN()}) {
    CAPTURE(scale);
    CHECK_THROWS_AS(ModuleClock(scale, kPowerOn), UsageError);
  }
}

TEST_CASE("listen addresses are loopback IPv4 only") {
  const ListenAddress address = parseListenAddress("127.0.0.1:2000");
  CHECK(address.host == "127.0.0.1");
  CHECK(address.port == 2000);
  CHECK(parseListenAddress("127.8.9.10:0").host == "127.8.9.10");
  CHECK(parseListenAddress("localhost:65535").host == "127.0.0.1");
  CHECK(parseListenAddress("localhost:65535").port == 65535);

  CHECK_THROWS_WITH_AS(parseListenAddress("0.0.0.0:2000"),
                       "listen address \"0.0.0.0:2000\": \"0.0.0.0\" is not a loopback IPv4 "
                       "address (the module serves 127.0.0.0/8 only: its line has no "
                       "authentication)",
                       UsageError);
  CHECK_THROWS_AS(parseListenAddress("192.168.1.5:2000"), UsageError);
  CHECK_THROWS_AS(parseListenAddress("128.0.0.1:2000"), UsageError);
  CHECK_THROWS_AS(parseListenAddress("[::1]:2000"), UsageError);
  CHECK_THROWS_AS(parseListenAddress("example.com:2000"), UsageError);
  CHECK_THROWS_WITH_AS(parseListenAddress("127.0.0.1"),
                       "listen address \"127.0.0.1\": expected HOST:PORT, as in 127.0.0.1:2000",
                       UsageError);
  CHECK_THROWS_WITH_AS(parseListenAddress("127.0.0.1:65536"),
                       "listen address \"127.0.0.1:65536\": bad port \"65536\" (expected 0 to "
                       "65535; 0 picks a free one)",
                       UsageError);
  CHECK_THROWS_AS(parseListenAddress("127.0.0.1:"), UsageError);
  CHECK_THROWS_AS(parseListenAddress("127.0.0.1:-1"), UsageError);
  CHECK_THROWS_AS(parseListenAddress("127.0.0.1:20x"), UsageError);
}

}  // namespace atsharp::reference
