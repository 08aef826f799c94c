// UDP sessions (chapter 6) through the pty against a peer on loopback, datagram by datagram in
// both directions, for the module as the active side (AT#OUDP) and as the listener
// (AT#LUDPSTART).
//
// What makes a datagram of the host's bytes is UDPTXDELAY (6.1.3): a datagram leaves when it
// holds 1472 bytes, or UDPTXDELAY ms after its first byte. So the host writes each datagram in
// one piece and writes the next only once the peer has received it: the delay, which runs out
// between the two, is the boundary. At 20 ms (the smallest step) a sweep costs 20 ms a size.
//
// Sizes: every one from 1 to 64, then every 47th up to 1441, then 1471 (the largest that waits
// for the delay) and 1472 (a full datagram, which leaves at once). All sizes would take 30 s.

#include <doctest/doctest.h>

#include "atsharp/fixtures/free_ports.hpp"
#include "atsharp/fixtures/udp_peer.hpp"
#include "connected_module.hpp"
#include "payloads.hpp"

namespace atsharp::test {

// Label "interop" in CTest (ctest -L interop).
TEST_SUITE_BEGIN("interop");

namespace {

const std::string kOk = "\r\nOK\r\n";
const std::string kWaitingForData = "\r\nOk_Info_WaitingForData\r\n";
const std::string kSocketClosed = "\r\nOk_Info_SocketClosed\r\n";

std::vector<std::size_t> datagramSizes() {
  std::vector<std::size_t> sizes;
  for (std::size_t size = 1; size <= 64; ++size) sizes.push_back(size);
  for (std::size_t size = 65; size < 1471; size += 47) sizes.push_back(size);
  sizes.push_back(1471);
  sizes.push_back(1472);
  return sizes;
}

using fixtures::Endpoint;
using fixtures::UdpDatagram;
using fixtures::UdpPeer;

// The host's datagram of @p size reaches the peer whole, alone, from the module's address.
// Returns it, with where it came from.
UdpDatagram hostToPeer(ModemSession& modem, UdpPeer& peer, std::size_t size) {
  const Bytes sent = randomPayload(size, 1000 + size);
  const std::size_t before = peer.receivedCount();
  modem.writeData(sent);
  REQUIRE(peer.waitForDatagrams(before + 1, 30s));
  UdpDatagram got = peer.datagrams().at(before);
  CHECK(difference(sent, got.data) == "");
  CHECK(got.from.address == kModuleAddress);
  return got;
}

// The peer's datagram of @p size reaches the host whole (DLE-decoded).
void peerToHost(ModemSession& modem, UdpPeer& peer, std::size_t size, const Endpoint& module) {
  const Bytes sent = randomPayload(size, 5000 + size);
  peer.sendTo(sent, module);
  CHECK(difference(sent, modem.readData(size)) == "");
}

// 6.2.2, 6.4.2: the host's ETX closes the session: ETX, Ok_Info_SocketClosed, OK. The peer got
// @p sent datagrams, no more.
void closeFromHost(ConnectedModule& module, UdpPeer& peer, std::size_t sent) {
  module.modem().endData();
  CHECK(module.modem().readDataToEtx().empty());
  CHECK(visible(module.modem().nextAnswer().raw) == visible(kSocketClosed + kOk));
  CHECK(peer.receivedCount() == sent);
  module.checkCommandMode();
}

}  // namespace

TEST_CASE("AT#OUDP - datagrams of 1 to 1472 bytes each way - one datagram each - byte-exact") {
  ConnectedModule module;
  ModemSession& modem = module.modem();
  UdpPeer peer;
  modem.set({"AT#UDPSERV=\"127.0.0.1\"", "AT#UDPPORT=" + std::to_string(peer.endpoint().port),
             "AT#UDPTXDELAY=20"});
  REQUIRE(visible(modem.command("AT#OUDP").raw) == visible(kWaitingForData));
  std::optional<Endpoint> moduleSide;
  const std::vector<std::size_t> sizes = datagramSizes();
  for (const std::size_t size : sizes) {
    CAPTURE(size);
    const UdpDatagram got = hostToPeer(modem, peer, size);
    // The session keeps its local port (6.4.1: one session).
    if (moduleSide) CHECK(got.from.port == moduleSide->port);
    moduleSide = got.from;
    peerToHost(modem, peer, size, got.from);
  }
  // 6.4.1: "Datagrams can only be received from this UDPPORT or UDPSERV address".
  UdpPeer stranger;
  stranger.sendTo(asBytes("not for the host"), *moduleSide);
  peerToHost(modem, peer, 5, *moduleSide);
  closeFromHost(module, peer, sizes.size());
}

TEST_CASE("AT#LUDPSTART - the first datagram opens it - 1 to 1472 bytes each way byte-exact") {
  ConnectedModule module;
  ModemSession& modem = module.modem();
  UdpPeer peer;
  const std::uint16_t port = fixtures::freePort(kModuleAddress, fixtures::PortProtocol::Udp);
  modem.set({"AT#UDPSERV=\"127.0.0.1\"", "AT#UDPPORT=" + std::to_string(port),
             "AT#UDPTXDELAY=20"});
  // As AT#LTCPSTART (A.8.1): OK once it listens; Ok_Info_WaitingForData with the first datagram.
  REQUIRE(visible(modem.command("AT#LUDPSTART").raw) == visible(kOk));
  const Endpoint moduleSide{kModuleAddress, port};
  bool first = true;
  const std::vector<std::size_t> sizes = datagramSizes();
  for (const std::size_t size : sizes) {
    CAPTURE(size);
    if (first) {
      const Bytes opening = randomPayload(size, 5000 + size);
      peer.sendTo(opening, moduleSide);
      REQUIRE(visible(modem.nextAnswer().raw) == visible(kWaitingForData));
      CHECK(difference(opening, modem.readData(size)) == "");
      first = false;
    } else {
      peerToHost(modem, peer, size, moduleSide);
    }
    CHECK(hostToPeer(modem, peer, size).from.port == port);
  }
  // 6.2.1: once the first datagram came, only its sender (address and port) is heard.
  UdpPeer stranger;
  stranger.sendTo(asBytes("not for the host"), moduleSide);
  peerToHost(modem, peer, 5, moduleSide);
  closeFromHost(module, peer, sizes.size());
}

TEST_SUITE_END();

}  // namespace atsharp::test
