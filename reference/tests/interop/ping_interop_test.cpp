// AT#PING (chapter 7) through the pty with real ICMP: 127.0.0.1 answers; inside a network
// namespace of its own whose loopback ignores echo requests, nothing does. The silent case
// needs root and unshare (and `ip`, from Debian's iproute2); it is skipped without them.

#include <doctest/doctest.h>

#include "connected_module.hpp"
#include "ping_line.hpp"
#include "program_path.hpp"

namespace atsharp::test {

// Label "interop" in CTest (ctest -L interop).
TEST_SUITE_BEGIN("interop");

namespace {

const bool kNoNamespace = !canMakeNetworkNamespace();

// Each line framed as 7.2.2's are (a line of its own), then OK.
std::string framedWithOk(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += "\r\n" + line + "\r\n";
  return text + "\r\nOK\r\n";
}

}  // namespace

TEST_CASE("AT#PING of 127.0.0.1 - PINGNUM 2 - two is-alive lines then OK") {
  // PINGDELAY (1 s of module time) apart and waiting as long for the reply: half a second of
  // real time, ample for a loopback reply on a loaded machine.
  EmulatorSettings settings;
  settings.timeScale = 0.5;
  ConnectedModule module(settings);
  ModemSession& modem = module.modem();
  modem.set({"AT#PINGREMOTE=\"127.0.0.1\"", "AT#PINGNUM=2", "AT#PINGDELAY=1"});
  const Reply reply = modem.command("AT#PING");
  CHECK(visible(reply.raw) == visible(framedWithOk(reply.lines)));
  REQUIRE(reply.lines.size() == 2);
  for (const std::string& line : reply.lines) {
    CAPTURE(line);
    CHECK(aliveTime(line, "127.0.0.1").has_value());
  }
  module.checkCommandMode();
}

TEST_CASE("AT#PING where no echo is answered - a No answer line for each request then OK" *
          doctest::skip(kNoNamespace)) {
  REQUIRE_MESSAGE(!programPath("ip").empty(),
                  "ip was not found: install Debian's iproute2 (the silent network namespace "
                  "brings its loopback up with it)");
  EmulatorSettings settings;
  settings.timeScale = 0.05;  // each request waits PINGDELAY (1 s of module time) in vain
  settings.silentNetwork = true;
  ConnectedModule module(settings);
  ModemSession& modem = module.modem();
  modem.set({"AT#PINGREMOTE=\"127.0.0.1\"", "AT#PINGNUM=2", "AT#PINGDELAY=1"});
  const std::string noAnswer = "\r\nNo answer from \"127.0.0.1\"\r\n";
  CHECK(visible(modem.command("AT#PING").raw) == visible(noAnswer + noAnswer + "\r\nOK\r\n"));
  module.checkCommandMode();
}

TEST_SUITE_END();

}  // namespace atsharp::test
