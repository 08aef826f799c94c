// Back-pressure both ways (pauseReading, queuedToNetwork) and close() on live connections.

#include <doctest/doctest.h>

#include <boost/asio/write.hpp>

#include "network_rig.hpp"
#include "peers.hpp"

namespace atsharp::reference::test {
namespace {

using Strings = std::vector<std::string>;

void connect(NetworkRig& rig, PeerListener& peer, ActivityId id = 1) {
  peer.accept();
  rig.net.tcpConnect(id, "127.0.0.2", peer.endpoint());
  REQUIRE(rig.runUntil([&] { return peer.accepted && !rig.eventsOf(id).empty(); }));
}

/// Writes without blocking until the peer's writes stay blocked for a while: the kernel's
/// buffers on both sides are full. Returns the bytes written.
std::size_t fillUntilBlocked(NetworkRig& rig, tcp::socket& socket) {
  std::size_t written = 0;
  for (int idle = 0; idle < 3;) {
    const std::size_t more = writeUntilFull(socket, written);
    written += more;
    idle = more == 0 ? idle + 1 : 0;
    rig.runFor(30ms);
  }
  return written;
}

TEST_CASE("pauseReading holds Received and TCP flow control blocks the peer") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  rig.net.pauseReading(true);
  const std::size_t written = fillUntilBlocked(rig, peer.socket);
  // Bounded by the kernel's buffers, not by how long the peer goes on.
  CHECK(written > 0);
  CHECK(written < (64u << 20));
  CHECK(rig.receivedBy(1).empty());
  rig.net.pauseReading(false);
  REQUIRE(rig.runUntil([&] { return rig.receivedBy(1).size() == written; }));
  CHECK(rig.receivedBy(1) == pattern(0, written));
  // Unblocked: the peer can write again, and that arrives too.
  const Bytes more = pattern(written, 1000);
  asio::write(peer.socket, asio::buffer(more));
  REQUIRE(rig.runUntil([&] { return rig.receivedBy(1).size() == written + more.size(); }));
  CHECK(rig.receivedBy(1) == pattern(0, written + more.size()));
}

TEST_CASE("pauseReading holds a read that was already waiting") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  rig.runFor(20ms);  // the module's read is pending now
  rig.net.pauseReading(true);
  asio::write(peer.socket, asio::buffer(pattern(0, 10)));
  peer.socket.shutdown(tcp::socket::shutdown_send);
  rig.runFor(100ms);
  CHECK(rig.eventsOf(1).size() == 1);  // Connected only
  rig.net.pauseReading(false);
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) ==
        Strings{"Connected 1 " + text(peer.endpoint()), "Received 1 10", "Closed 1"});
}

TEST_CASE("queuedToNetwork grows while the peer does not read and drains when it does") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  const std::size_t total = 16u << 20;
  for (std::size_t at = 0; at < total; at += 64 * 1024) {
    rig.net.send(1, pattern(at, 64 * 1024), std::nullopt);
  }
  CHECK(rig.net.queuedToNetwork() == total);
  rig.runFor(100ms);
  const std::size_t stuck = rig.net.queuedToNetwork();
  CHECK(stuck > 0);
  CHECK(stuck < total);  // some went into the kernel
  PeerReader reader(peer.socket);
  reader.start();
  REQUIRE(rig.runUntil([&] { return rig.net.queuedToNetwork() == 0; }, 10s));
  REQUIRE(rig.runUntil([&] { return reader.data.size() == total; }));
  CHECK(reader.data == pattern(0, total));
}

TEST_CASE("close sends what was queued then FIN and reports nothing more") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  connect(rig, peer);
  const Bytes data = pattern(3, 16 << 20);  // more than the kernel buffers hold
  rig.net.send(1, data, std::nullopt);
  // The peer has sent something the module never read: closing must still not reset.
  rig.net.pauseReading(true);
  asio::write(peer.socket, asio::buffer(pattern(0, 5000)));
  rig.runFor(20ms);
  rig.net.close(1);
  CHECK_FALSE(rig.net.owns(1));
  CHECK(rig.net.queuedToNetwork() > 0);  // still on its way out
  PeerReader reader(peer.socket);
  reader.start();
  REQUIRE(rig.runUntil([&] { return reader.ended; }, 10s));
  CHECK(reader.error == asio::error::eof);
  CHECK(reader.data == data);
  CHECK(rig.net.queuedToNetwork() == 0);
  peer.socket.shutdown(tcp::socket::shutdown_send);
  rig.runFor(50ms);
  CHECK(rig.eventsOf(1, false) == Strings{"Connected 1 " + text(peer.endpoint())});
}

TEST_CASE("close from inside a delivery stops the events of the connection") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  rig.onEvent = [&](const NetworkEvent& event) {
    if (std::holds_alternative<Received>(event)) rig.net.close(1);
  };
  connect(rig, peer);
  asio::write(peer.socket, asio::buffer(pattern(0, 200'000)));
  peer.socket.shutdown(tcp::socket::shutdown_send);
  REQUIRE(rig.runUntil([&] { return rig.eventsOf(1).size() == 2; }));
  PeerReader reader(peer.socket);
  reader.start();
  REQUIRE(rig.runUntil([&] { return reader.ended; }));
  rig.runFor(50ms);
  CHECK(rig.eventsOf(1, false) == Strings{"Connected 1 " + text(peer.endpoint())});
  CHECK(rig.eventsOf(1).size() == 2);  // one Received, then nothing: no Closed
}

TEST_CASE("close drops the events already waiting for delivery") {
  NetworkRig rig;
  rig.net.udpOpen(1, Endpoint{"127.0.0.2", 0});            // bound at once: Listening waits
  rig.net.tcpConnect(2, "127.0.0.2", Endpoint{"bad", 1});  // fails at once: Failed waits
  rig.net.close(1);
  rig.net.close(2);
  CHECK_FALSE(rig.net.owns(1));
  CHECK_FALSE(rig.net.owns(2));
  rig.runFor(50ms);
  CHECK(rig.events.empty());
}

TEST_CASE("close of a connect under way ends it without events") {
  NetworkRig rig;
  PeerListener peer(rig.io);
  peer.accept();
  rig.net.tcpConnect(1, "127.0.0.2", peer.endpoint());
  rig.net.close(1);
  rig.runFor(100ms);
  CHECK(rig.events.empty());
}

}  // namespace
}  // namespace atsharp::reference::test
