// Target URLs: what parses to what, the exact message for each kind of mistake, and describe()
// strings that parse back to the same target.

#include <doctest/doctest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "atsharp/error.hpp"
#include "atsharp/transport/pseudo_terminal.hpp"
#include "atsharp/transport/target_url.hpp"
#include "random.hpp"
#include "transport_test_helpers.hpp"

namespace atsharp::test {
namespace {

struct Valid {
  std::string text;
  TargetUrl target;
};

std::vector<Valid> validUrls() {
  return {
      {"ref", RefTarget{}},
      {"serial:/dev/ttyUSB0", SerialTarget{"/dev/ttyUSB0", {115200, FlowControl::None}}},
      {"serial:/dev/ttyUSB0?baud=115200", SerialTarget{"/dev/ttyUSB0", {}}},
      {"serial:/dev/ttyS1?baud=9600&flow=rtscts",
       SerialTarget{"/dev/ttyS1", {9600, FlowControl::RtsCts}}},
      {"serial:/dev/ttyS1?flow=xonxoff&baud=4000000",
       SerialTarget{"/dev/ttyS1", {4000000, FlowControl::XonXoff}}},
      {"serial:/dev/serial/by-id/usb-Sierra_WISMO-if00?flow=none",
       SerialTarget{"/dev/serial/by-id/usb-Sierra_WISMO-if00", {}}},
      {"serial:relative/modem?baud=1", SerialTarget{"relative/modem", {1, FlowControl::None}}},
      {"tcp:127.0.0.1:2000", TcpTarget{"127.0.0.1", 2000}},
      {"tcp:modem-bench.lab:23", TcpTarget{"modem-bench.lab", 23}},
      {"tcp:[::1]:65535", TcpTarget{"::1", 65535}},
      {"tcp:[fe80::1%eth0]:1", TcpTarget{"fe80::1%eth0", 1}},
      {"tcp:localhost:00023", TcpTarget{"localhost", 23}},
  };
}

struct Invalid {
  std::string text;
  std::string problem;
};

std::vector<Invalid> invalidUrls() {
  const std::string forms = "ref, serial:PATH[?baud=N&flow=F] or tcp:HOST:PORT";
  return {
      {"", "expected " + forms},
      {"REF", "expected " + forms},
      {"/dev/ttyUSB0", "expected " + forms},
      {"udp:127.0.0.1:5", "unknown scheme \"udp\" (expected " + forms + ")"},
      {"Serial:/dev/ttyS0", "unknown scheme \"Serial\" (expected " + forms + ")"},
      {"ref:", "ref takes no arguments"},
      {"serial:", "missing device path (serial:PATH, as serial:/dev/ttyUSB0)"},
      {"serial:?baud=9600", "missing device path (serial:PATH, as serial:/dev/ttyUSB0)"},
      {"serial:/dev/x?", "empty parameter in the query"},
      {"serial:/dev/x?baud=9600&", "empty parameter in the query"},
      {"serial:/dev/x?baud=9600&&flow=none", "empty parameter in the query"},
      {"serial:/dev/x?parity=even", "unknown parameter \"parity\" (expected baud or flow)"},
      {"serial:/dev/x?Baud=9600", "unknown parameter \"Baud\" (expected baud or flow)"},
      {"serial:/dev/x?baud=9600&baud=9600", "parameter \"baud\" given twice"},
      {"serial:/dev/x?flow=none&flow=rtscts", "parameter \"flow\" given twice"},
      {"serial:/dev/x?baud", "bad baud \"\" (expected a whole number from 1 to 4000000)"},
      {"serial:/dev/x?baud=", "bad baud \"\" (expected a whole number from 1 to 4000000)"},
      {"serial:/dev/x?baud=0", "bad baud \"0\" (expected a whole number from 1 to 4000000)"},
      {"serial:/dev/x?baud=-9600",
       "bad baud \"-9600\" (expected a whole number from 1 to 4000000)"},
      {"serial:/dev/x?baud=+9600",
       "bad baud \"+9600\" (expected a whole number from 1 to 4000000)"},
      {"serial:/dev/x?baud=9600x",
       "bad baud \"9600x\" (expected a whole number from 1 to 4000000)"},
      {"serial:/dev/x?baud=4000001",
       "bad baud \"4000001\" (expected a whole number from 1 to 4000000)"},
      {"serial:/dev/x?baud=99999999999999999999",
       "bad baud \"99999999999999999999\" (expected a whole number from 1 to 4000000)"},
      {"serial:/dev/x?flow=hardware", "bad flow \"hardware\" (expected none, rtscts or xonxoff)"},
      {"serial:/dev/x?flow=", "bad flow \"\" (expected none, rtscts or xonxoff)"},
      {"tcp:", "missing host (tcp:HOST:PORT)"},
      {"tcp::23", "missing host (tcp:HOST:PORT)"},
      {"tcp:host", "missing port (tcp:HOST:PORT)"},
      {"tcp:host:", "bad port \"\" (expected 1 to 65535)"},
      {"tcp:host:0", "bad port \"0\" (expected 1 to 65535)"},
      {"tcp:host:65536", "bad port \"65536\" (expected 1 to 65535)"},
      {"tcp:host:http", "bad port \"http\" (expected 1 to 65535)"},
      {"tcp:host:23 ", "bad port \"23 \" (expected 1 to 65535)"},
      {"tcp:::1:23", "too many ':' (an IPv6 address needs brackets, as in tcp:[::1]:2000)"},
      {"tcp:host:23:24", "too many ':' (an IPv6 address needs brackets, as in tcp:[::1]:2000)"},
      {"tcp:[::1", "missing \"]\" after the IPv6 address"},
      {"tcp:[::1]", "missing port (tcp:HOST:PORT)"},
      {"tcp:[::1]23", "missing port (tcp:HOST:PORT)"},
      {"tcp:[]:23", "brackets are for IPv6 addresses only"},
      {"tcp:[host]:23", "brackets are for IPv6 addresses only"},
      {std::string("serial:/dev/x\0y", 15), "contains a NUL character"},
  };
}

}  // namespace

TEST_CASE("parseTargetUrl reads each form") {
  for (const Valid& valid : validUrls()) {
    INFO(valid.text);
    CHECK(parseTargetUrl(valid.text) == valid.target);
  }
}

TEST_CASE("parseTargetUrl says exactly what is wrong with a malformed URL") {
  for (const Invalid& invalid : invalidUrls()) {
    INFO(invalid.text);
    const std::string expected = "target URL \"" + invalid.text + "\": " + invalid.problem;
    CHECK_THROWS_WITH_AS(parseTargetUrl(invalid.text), expected.c_str(), UsageError);
  }
}

TEST_CASE("describe() writes each target in the form parseTargetUrl reads back") {
  CHECK(describe(RefTarget{}) == "ref");
  CHECK(describe(SerialTarget{"/dev/ttyUSB0", {}}) == "serial:/dev/ttyUSB0?baud=115200");
  CHECK(describe(SerialTarget{"/dev/ttyS1", {9600, FlowControl::RtsCts}}) ==
        "serial:/dev/ttyS1?baud=9600&flow=rtscts");
  CHECK(describe(SerialTarget{"/dev/ttyS1", {57600, FlowControl::XonXoff}}) ==
        "serial:/dev/ttyS1?baud=57600&flow=xonxoff");
  CHECK(describe(TcpTarget{"127.0.0.1", 2000}) == "tcp:127.0.0.1:2000");
  CHECK(describe(TcpTarget{"::1", 23}) == "tcp:[::1]:23");
  for (const Valid& valid : validUrls()) {
    INFO(valid.text);
    CHECK(parseTargetUrl(describe(valid.target)) == valid.target);
  }
}

TEST_CASE("parseTargetUrl on random text either parses or throws UsageError - and round-trips") {
  ATSHARP_SEED_INFO();
  auto gen = rng(303);
  const Bytes alphabet = toBytes("refsialtcpud:/?&=[]0123456789bwnox.%-");
  const std::vector<std::string> prefixes = {
      "", "ref", "serial:", "tcp:", "serial:/dev/x?", "tcp:[::1]:", "tcp:h:"};
  int parsed = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = prefixes[static_cast<std::size_t>(round) % prefixes.size()] +
                             asString(randomBytesFrom(gen, round % 24, alphabet));
    INFO(text);
    try {
      const TargetUrl target = parseTargetUrl(text);
      CHECK(parseTargetUrl(describe(target)) == target);
      ++parsed;
    } catch (const UsageError&) {
    }
  }
  CHECK(parsed > 0);
}

TEST_CASE("openTransport opens serial targets and leaves ref to the layers above") {
  CHECK_THROWS_WITH_AS(openTransport(RefTarget{}, generous()),
                       "target URL \"ref\": the reference module is started by the layers above "
                       "the transports, not opened as a line",
                       UsageError);
  PseudoTerminal pty = openPseudoTerminal(SlaveSide::Open);
  const std::string url = "serial:" + pty.slavePath + "?baud=57600";
  const std::unique_ptr<Transport> serial = openTransport(parseTargetUrl(url), generous());
  CHECK(serial->describe() == url);
  REQUIRE(serial->write(asBytes("AT\r"), generous()).status == IoStatus::Ok);
  Bytes buffer(3);
  REQUIRE(::read(pty.master.get(), buffer.data(), buffer.size()) == 3);
  CHECK(asString(buffer) == "AT\r");
}

}  // namespace atsharp::test
