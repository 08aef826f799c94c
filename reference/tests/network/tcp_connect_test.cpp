// tcpConnect on real loopback sockets: the module's source address, data both ways, and how
// each end of a connection reaches the module (38016, 37964, Closed, 37952, 37966).

#include <doctest/doctest.h>

#include <boost/asio/write.hpp>

#include "network_rig.hpp"
#include "peers.hpp"
#include "random.hpp"

namespace atsharp::reference::test {
namespace {

using Strings = std::vector<std::string>;

std::string connected(ActivityId id, const Endpoint& peer) {
  return "Connected " + std::to_string(id) + " " + text(peer);
}

/// The module connected from 127.0.0.2 to @p peer, which accepted.
void connect(NetworkRig& rig, PeerListener& peer, ActivityId id = 1) {
  peer.accept();
  rig.net.tcpConnect(id, "127.0.0.2", peer.endpoint());
  REQUIRE(rig.runUntil([&] { return peer.accepted && !rig.eventsOf(id).empty(); }));
  REQUIRE(rig.eventsOf(id) == Strings{connected(id, peer.endpoint())});
}

TEST_CASE("tcp connect binds the module address so the peer sees it as the source") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  CHECK(peer.socket.remote_endpoint().address().to_string() == "127.0.0.2");
  CHECK(rig.net.owns(1));
}

TEST_CASE("tcp requests never deliver from inside the call") {
  NetworkRig rig;
  rig.net.tcpConnect(1, "", Endpoint{"not an address", 80});
  CHECK(rig.events.empty());
  CHECK(rig.net.owns(1));
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{"Failed 1 38016"});
  CHECK_FALSE(rig.net.owns(1));
}

TEST_CASE("tcp carries one MiB of random bytes each way byte exact") {
  ATSHARP_SEED_INFO();
  auto gen = atsharp::test::rng(0x7C9);
  const Bytes up = atsharp::test::randomBytes(gen, 1 << 20);
  const Bytes down = atsharp::test::randomBytes(gen, 1 << 20);
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  PeerReader reader(peer.socket);
  reader.start();
  asio::async_write(peer.socket, asio::buffer(down), [](const Error&, std::size_t) {});
  // As the runtime would hand it over: in pieces of whatever the host line gave.
  for (const ByteView piece : atsharp::test::randomChunks(gen, up, 4096)) {
    rig.net.send(1, Bytes(piece.begin(), piece.end()), std::nullopt);
  }
  REQUIRE(rig.runUntil(
      [&] {
        return reader.data.size() == up.size() && rig.receivedBy(1).size() == down.size() &&
               rig.net.queuedToNetwork() == 0;
      },
      10s));
  CHECK(reader.data == up);
  CHECK(rig.receivedBy(1) == down);
  CHECK(rig.largestChunkOf(1) <= 64 * 1024);
  CHECK(rig.eventsOf(1, false) == Strings{connected(1, peer.endpoint())});
}

TEST_CASE("tcp connect to a port nobody listens on fails with 38016") {
  NetworkRig rig;
  // Bound but not listening: the kernel answers the SYN with a reset.
  tcp::socket closed(rig.io, tcpAt("127.0.0.1", 0));
  const std::uint16_t port = closed.local_endpoint().port();
  rig.net.tcpConnect(1, "127.0.0.2", Endpoint{"127.0.0.1", port});
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{"Failed 1 38016"});
}

TEST_CASE("tcp connect from an address the host does not have fails with 38016") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  rig.net.tcpConnect(1, "192.0.2.1", peer.endpoint());  // TEST-NET-1: bound to, never reached
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{"Failed 1 38016"});
}

TEST_CASE("tcp connect without an answer fails with 37964 after the connect timeout") {
  SocketLimits limits;
  limits.connectTimeout = 300ms;
  NetworkRig rig(1.0, limits);
  // A backlog of 0 holds one connection nobody accepts; the kernel then drops further SYNs,
  // so the next connect hears nothing.
  PeerListener peer(rig.io, "127.0.0.1", 0);
  tcp::socket first(rig.io);
  first.connect(tcpAt("127.0.0.1", peer.endpoint().port));
  const auto start = std::chrono::steady_clock::now();
  rig.net.tcpConnect(1, "127.0.0.2", peer.endpoint());
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(rig.eventsOf(1) == Strings{"Failed 1 37964"});
  CHECK(took >= 300ms);
  CHECK(took < 2s);
}

TEST_CASE("tcp connect without an answer waits its 30 s of module time: 300 ms at scale 0.01") {
  NetworkRig rig(0.01);  // the default limits: the module's 30 s
  PeerListener peer(rig.io, "127.0.0.1", 0);
  tcp::socket first(rig.io);
  first.connect(tcpAt("127.0.0.1", peer.endpoint().port));
  const auto start = std::chrono::steady_clock::now();
  rig.net.tcpConnect(1, "127.0.0.2", peer.endpoint());
  // Within the deadline of a few seconds, where a real-time wait would be 30 s.
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }, 10s));
  CHECK(rig.eventsOf(1) == Strings{"Failed 1 37964"});
  CHECK(std::chrono::steady_clock::now() - start >= 300ms);  // never before its module time
}

TEST_CASE("tcp peer FIN delivers all data then Closed") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  const Bytes data = pattern(0, 300'000);
  asio::write(peer.socket, asio::buffer(data));
  peer.socket.shutdown(tcp::socket::shutdown_send);
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.receivedBy(1) == data);
  CHECK(rig.eventsOf(1, false) == Strings{connected(1, peer.endpoint()), "Closed 1"});
  CHECK(describe(rig.events.back()) == "Closed 1");
  CHECK_FALSE(rig.net.owns(1));
}

TEST_CASE("tcp peer reset fails with 37952") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  peer.socket.set_option(asio::socket_base::linger(true, 0));  // close() sends RST
  peer.socket.close();
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{connected(1, peer.endpoint()), "Failed 1 37952"});
}

TEST_CASE("tcp data still unwritten when the peer closes fails with 37966") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  // The peer reads nothing, so the module's data piles up; then it sends its FIN...
  rig.net.send(1, pattern(0, 16 << 20), std::nullopt);
  rig.runFor(100ms);
  REQUIRE(rig.net.queuedToNetwork() > 0);
  peer.socket.shutdown(tcp::socket::shutdown_send);
  rig.runFor(100ms);  // the module sees the FIN, still writing
  CHECK(rig.eventsOf(1) == Strings{connected(1, peer.endpoint())});
  // ...and closes with unread data, which resets: the pending writes fail.
  peer.socket.close();
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{connected(1, peer.endpoint()), "Failed 1 37966"});
  CHECK(rig.net.queuedToNetwork() == 0);
}

TEST_CASE("tcp peer FIN with data to write waits for the writes then Closed") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  const Bytes data = pattern(7, 16 << 20);  // more than the kernel buffers hold
  rig.net.send(1, data, std::nullopt);
  peer.socket.shutdown(tcp::socket::shutdown_send);  // a half-close: it still reads
  rig.runFor(50ms);
  CHECK(rig.eventsOf(1) == Strings{connected(1, peer.endpoint())});
  PeerReader reader(peer.socket);
  reader.start();
  REQUIRE(rig.runUntil([&] { return rig.ended(1) && reader.ended; }, 10s));
  CHECK(reader.data == data);
  CHECK(rig.eventsOf(1) == Strings{connected(1, peer.endpoint()), "Closed 1"});
}

}  // namespace
}  // namespace atsharp::reference::test
