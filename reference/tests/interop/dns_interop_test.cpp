// Server names (3.1.17, 3.1.18) through the pty: the module asks DNSSERV1, then DNSSERV2, on
// the scenario's DNS port, and nothing else (docs/spec-decisions.md #25). dnsmasq knows some
// names; what it does not know, or a DNS server that never answers, is 38027.

#include <doctest/doctest.h>

#include "atsharp/fixtures/daemons/dnsmasq_server.hpp"
#include "atsharp/fixtures/dns_fixture.hpp"
#include "atsharp/fixtures/free_ports.hpp"
#include "atsharp/fixtures/tcp_peer.hpp"
#include "atsharp/fixtures/udp_peer.hpp"
#include "connected_module.hpp"
#include "ping_line.hpp"

namespace atsharp::test {

// Label "interop" in CTest (ctest -L interop).
TEST_SUITE_BEGIN("interop");

namespace {

const std::string kOk = "\r\nOK\r\n";
const std::string kNotResolved = "\r\n#CME ERROR: 38027\r\n";

}  // namespace

TEST_CASE("names dnsmasq knows - AT#OTCP and AT#PING reach their server by name") {
  fixtures::DnsmasqServer dns({"echo.interop.test=127.0.0.1", "ping.interop.test=127.0.0.1"});
  EmulatorSettings settings;
  settings.dnsPort = dns.port();
  settings.timeScale = 0.5;  // PINGDELAY: the reply is waited for half a second
  ConnectedModule module(settings);
  ModemSession& modem = module.modem();
  fixtures::TcpPeerOptions echoing;
  echoing.mode = fixtures::TcpPeerMode::Echo;
  fixtures::TcpPeer peer = fixtures::TcpPeer::listen(echoing);
  modem.set({"AT#DNSSERV1=\"127.0.0.1\"", "AT#TCPSERV=1,\"echo.interop.test\"",
             "AT#TCPPORT=1," + std::to_string(peer.endpoint().port), "AT#TCPTXDELAY=1,0"});
  REQUIRE(visible(modem.command("AT#OTCP=1").raw) == visible("\r\nOk_Info_WaitingForData\r\n"));
  const std::string greeting = "hello by name";
  modem.writeData(asBytes(greeting));
  CHECK(asString(modem.readData(greeting.size())) == greeting);
  modem.endData();
  CHECK(modem.readDataToEtx().empty());
  CHECK(visible(modem.nextAnswer().raw) == visible(kOk));
  CHECK(peer.waitForRemoteEnd(30s));
  CHECK(asString(peer.received()) == greeting);

  // 7.2.2 (docs/spec-decisions.md #34): the line names PINGREMOTE as it was set.
  modem.set({"AT#PINGREMOTE=\"ping.interop.test\"", "AT#PINGNUM=1"});
  const Reply ping = modem.command("AT#PING");
  CHECK(ping.final == "OK");
  REQUIRE(ping.lines.size() == 1);
  CHECK(visible(ping.raw) == visible("\r\n" + ping.lines[0] + "\r\n\r\nOK\r\n"));
  CHECK(aliveTime(ping.lines[0], "ping.interop.test").has_value());
  module.checkCommandMode();
}

TEST_CASE("a name dnsmasq does not know - 38027 - the module stays in command mode") {
  fixtures::DnsmasqServer dns({"echo.interop.test=127.0.0.1"});
  EmulatorSettings settings;
  settings.dnsPort = dns.port();
  ConnectedModule module(settings);
  ModemSession& modem = module.modem();
  modem.set({"AT#DNSSERV1=\"127.0.0.1\"", "AT#TCPSERV=1,\"nowhere.interop.test\"",
             "AT#TCPPORT=1,7", "AT#PINGREMOTE=\"nowhere.interop.test\""});
  CHECK(visible(modem.command("AT#OTCP=1").raw) == visible(kNotResolved));
  CHECK(visible(modem.command("AT#PING").raw) == visible(kNotResolved));
  module.checkCommandMode();
}

TEST_CASE("DNSSERV1 and DNSSERV2 where nothing answers - 38027 once both were tried") {
  // Two sockets on the scenario's DNS port that take the queries and answer none; or no
  // socket at all, where the queries meet "port unreachable".
  bool silent = true;
  SUBCASE("silent servers - each one's timeout runs out") {}
  SUBCASE("closed ports - each refuses at once") { silent = false; }
  CAPTURE(silent);
  std::optional<fixtures::UdpPeer> first;
  std::optional<fixtures::UdpPeer> second;
  std::uint16_t port = 0;
  if (silent) {
    first.emplace(fixtures::UdpPeerOptions{.address = "127.0.0.3"});
    port = first->endpoint().port;
    second.emplace(fixtures::UdpPeerOptions{.address = "127.0.0.4", .port = port});
  } else {
    port = fixtures::freePort("127.0.0.3", fixtures::PortProtocol::Udp);
  }
  EmulatorSettings settings;
  settings.dnsPort = port;
  ConnectedModule module(settings);
  ModemSession& modem = module.modem();
  modem.set({"AT#DNSSERV1=\"127.0.0.3\"", "AT#DNSSERV2=\"127.0.0.4\"",
             "AT#TCPSERV=1,\"echo.interop.test\"", "AT#TCPPORT=1,7"});
  const auto start = Clock::now();
  CHECK(visible(modem.command("AT#OTCP=1").raw) == visible(kNotResolved));
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
  MESSAGE("38027 after ", took.count(), " ms");
  if (silent) {
    CHECK(first->receivedCount() > 0);  // both were asked
    CHECK(second->receivedCount() > 0);
    CHECK(took >= 1900ms);  // the runtime's DNS timeout: 1 s a server
    CHECK(took < 10s);
  } else {
    CHECK(took < 1s);
  }
  module.checkCommandMode();
}

TEST_CASE("the module's DNS questions leave from its address 127.0.0.2 as its connection does") {
  // Issue 4: peers see the module's address as the source, its DNS servers included.
  fixtures::DnsFixture dns({.records = {{"echo.interop.test", "127.0.0.1"}}});
  EmulatorSettings settings;
  settings.dnsPort = dns.endpoint().port;
  ConnectedModule module(settings);
  ModemSession& modem = module.modem();
  fixtures::TcpPeer peer = fixtures::TcpPeer::listen();
  modem.set({"AT#DNSSERV1=\"" + dns.endpoint().address + "\"",
             "AT#TCPSERV=1,\"echo.interop.test\"",
             "AT#TCPPORT=1," + std::to_string(peer.endpoint().port)});
  REQUIRE(visible(modem.command("AT#OTCP=1").raw) ==
          visible("\r\nOk_Info_WaitingForData\r\n"));
  REQUIRE(peer.waitForConnection(30s));
  modem.endData();
  CHECK(modem.readDataToEtx().empty());
  CHECK(visible(modem.nextAnswer().raw) == visible(kOk));
  REQUIRE(peer.remote().has_value());
  CHECK(peer.remote()->address == kModuleAddress);
  const std::vector<fixtures::DnsQuery> queries = dns.queries();
  REQUIRE_FALSE(queries.empty());
  for (const fixtures::DnsQuery& query : queries) {
    CHECK(query.question.name == "echo.interop.test");
    CHECK(query.from.address == kModuleAddress);
  }
  module.checkCommandMode();
}

TEST_SUITE_END();

}  // namespace atsharp::test
