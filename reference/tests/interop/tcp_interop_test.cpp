// TCP sockets (chapter 5) through the pty against a peer on loopback: 1 MiB of every byte value
// from the host to the peer and back again, DLE-coded (DLEMODE 1, the host's ETX closes) and
// raw (DLEMODE 0, the peer's close ends it), with the module as client (AT#OTCP) and as
// listener (AT#LTCPSTART).

#include <doctest/doctest.h>

#include "atsharp/fixtures/free_ports.hpp"
#include "atsharp/fixtures/tcp_peer.hpp"
#include "background_writer.hpp"
#include "connected_module.hpp"
#include "payloads.hpp"

namespace atsharp::test {

// Label "interop" in CTest (ctest -L interop).
TEST_SUITE_BEGIN("interop");

namespace {

const std::string kOk = "\r\nOK\r\n";
const std::string kWaitingForData = "\r\nOk_Info_WaitingForData\r\n";

using fixtures::TcpEnd;
using fixtures::TcpPeer;

// The peer's side: an echo of everything that comes, until the module closes its side, or,
// with @p closeAfter, until that many bytes went back to it; then it closes (a FIN).
fixtures::TcpPeerOptions echoing(std::optional<std::size_t> closeAfter) {
  fixtures::TcpPeerOptions options;
  options.mode = fixtures::TcpPeerMode::Echo;
  options.closeAfter = closeAfter;
  return options;
}

// Data mode is open: the host sends @p payload while it reads the peer's echo of it, and both
// directions must come through whole and unchanged. Then the side the mode gives ends it:
// the host's ETX under DLEMODE 1 (A.8: ETX, OK), the peer's close under DLEMODE 0 (5.4.2:
// ETX, Ok_Info_SocketClosed, OK).
void echoThrough(ModemSession& modem, TcpPeer& peer, const Bytes& payload, bool dleCoded) {
  BackgroundWriter writer(modem, payload, dleCoded ? Coding::Dle : Coding::Raw);
  if (dleCoded) {
    CHECK(difference(payload, modem.readData(payload.size())) == "");
    writer.finish();
    modem.endData();
    CHECK(modem.readDataToEtx().empty());
    CHECK(visible(modem.nextAnswer().raw) == visible(kOk));
  } else {
    CHECK(difference(payload, modem.readRaw(payload.size())) == "");
    writer.finish();
    CHECK(visible(modem.readRaw(1)) == "\\x03");
    CHECK(visible(modem.nextAnswer().raw) ==
          visible("\r\nOk_Info_SocketClosed\r\n" + kOk));
  }
  // Under DLEMODE 1 the module closed first (the host's ETX) and the peer followed; under 0
  // the peer did, once the payload went back (closeAfter), and the module followed.
  REQUIRE(peer.waitForClosed(30s));
  CHECK(difference(payload, peer.received()) == "");
  CHECK(peer.remoteEnd() == TcpEnd::Fin);
  CHECK(peer.localEnd() == TcpEnd::Fin);
}

}  // namespace

TEST_CASE("AT#OTCP - 1 MiB of every byte value to an echoing peer and back byte-exact") {
  bool dleCoded = true;
  SUBCASE("DLEMODE 1 - the host's ETX ends it") {}
  SUBCASE("DLEMODE 0 - the peer's close ends it") { dleCoded = false; }
  CAPTURE(dleCoded);
  const Bytes payload = randomPayload(kMiB, dleCoded ? 21 : 22);
  ConnectedModule module;
  ModemSession& modem = module.modem();
  TcpPeer peer = TcpPeer::listen(echoing(dleCoded ? std::nullopt : std::optional(payload.size())));
  modem.set({"AT#TCPSERV=1,\"127.0.0.1\"",
             "AT#TCPPORT=1," + std::to_string(peer.endpoint().port),
             dleCoded ? "AT#DLEMODE=1,1" : "AT#DLEMODE=1,0"});
  REQUIRE(visible(modem.command("AT#OTCP=1").raw) == visible(kWaitingForData));
  echoThrough(modem, peer, payload, dleCoded);
  module.checkCommandMode();
}

TEST_CASE("AT#LTCPSTART - a peer connects to 127.0.0.2 - 1 MiB both ways byte-exact") {
  bool dleCoded = true;
  SUBCASE("DLEMODE 1 - the host's ETX ends it") {}
  SUBCASE("DLEMODE 0 - the peer's close ends it") { dleCoded = false; }
  CAPTURE(dleCoded);
  const Bytes payload = randomPayload(kMiB, dleCoded ? 23 : 24);
  ConnectedModule module;
  ModemSession& modem = module.modem();
  const std::uint16_t port = fixtures::freePort(kModuleAddress, fixtures::PortProtocol::Tcp);
  modem.set({"AT#TCPPORT=2," + std::to_string(port),
             dleCoded ? "AT#DLEMODE=2,1" : "AT#DLEMODE=2,0"});
  // A.8.1: OK once it listens; Ok_Info_WaitingForData when the peer comes.
  REQUIRE(visible(modem.command("AT#LTCPSTART=2").raw) == visible(kOk));
  TcpPeer peer = TcpPeer::connect({kModuleAddress, port}, 30s,
                                  echoing(dleCoded ? std::nullopt : std::optional(payload.size())));
  REQUIRE(visible(modem.nextAnswer().raw) == visible(kWaitingForData));
  echoThrough(modem, peer, payload, dleCoded);
  module.checkCommandMode();
}

TEST_SUITE_END();

}  // namespace atsharp::test
