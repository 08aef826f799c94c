// udpOpen: datagrams keep their boundaries and senders both ways.

#include <doctest/doctest.h>

#include "network_rig.hpp"
#include "peers.hpp"
#include "random.hpp"

namespace atsharp::reference::test {
namespace {

using Strings = std::vector<std::string>;

std::size_t receivedCount(const NetworkRig& rig, ActivityId id) {
  return static_cast<std::size_t>(
      std::count_if(rig.events.begin(), rig.events.end(), [id](const NetworkEvent& event) {
        return std::holds_alternative<Received>(event) && activityOf(event) == id;
      }));
}

TEST_CASE("udp datagrams of 1 to 1472 bytes keep their boundaries and senders both ways") {
  ATSHARP_SEED_INFO();
  auto gen = atsharp::test::rng(0x0D9);
  NetworkRig rig;
  const std::uint16_t port = freePort("127.0.0.2", true);
  const Endpoint module{"127.0.0.2", port};
  rig.net.udpOpen(1, module);
  REQUIRE(rig.runUntil([&] { return !rig.events.empty(); }));
  REQUIRE(rig.eventsOf(1) == Strings{"Listening 1"});
  PeerDatagrams peer(rig.io, "127.0.0.3");
  peer.start();
  std::vector<Bytes> sent;
  for (std::size_t size = 1; size <= 1472; ++size)
    sent.push_back(atsharp::test::randomBytes(gen, size));
  // In batches the socket buffers hold, so that no datagram is lost on the way.
  constexpr std::size_t kBatch = 32;
  for (std::size_t first = 0; first < sent.size(); first += kBatch) {
    const std::size_t last = std::min(sent.size(), first + kBatch);
    for (std::size_t i = first; i < last; ++i)
      peer.socket.send_to(asio::buffer(sent[i]), udpAt(module.address, port));
    REQUIRE(rig.runUntil([&] { return receivedCount(rig, 1) == last; }));
    for (std::size_t i = first; i < last; ++i) rig.net.send(1, sent[i], peer.endpoint());
    REQUIRE(rig.runUntil([&] { return peer.received.size() == last; }));
  }
  std::size_t index = 0;
  for (const NetworkEvent& event : rig.events) {
    const auto* received = std::get_if<Received>(&event);
    if (!received) continue;
    CHECK(received->data == sent[index]);
    REQUIRE(received->from);
    CHECK(*received->from == peer.endpoint());
    ++index;
  }
  CHECK(index == sent.size());
  for (std::size_t i = 0; i < sent.size(); ++i) {
    CHECK(peer.received[i].first == sent[i]);
    CHECK(peer.received[i].second == module);
  }
  CHECK(rig.net.queuedToNetwork() == 0);
}

TEST_CASE("udp socket on port 0 sends from a port of its own and hears the answers") {
  NetworkRig rig;
  rig.net.udpOpen(1, Endpoint{"127.0.0.2", 0});
  PeerDatagrams peer(rig.io, "127.0.0.3");
  peer.start();
  rig.net.send(1, toBytes("hello"), peer.endpoint());
  REQUIRE(rig.runUntil([&] { return peer.received.size() == 1; }));
  const Endpoint from = peer.received[0].second;
  CHECK(from.address == "127.0.0.2");
  CHECK(from.port != 0);
  CHECK(asString(peer.received[0].first) == "hello");
  peer.socket.send_to(asio::buffer(std::string("world")), udpAt(from.address, from.port));
  REQUIRE(rig.runUntil([&] { return receivedCount(rig, 1) == 1; }));
  CHECK(rig.eventsOf(1) == Strings{"Listening 1", "Received 1 5 from " + text(peer.endpoint())});
  CHECK(asString(rig.receivedBy(1)) == "world");
}

TEST_CASE("udp open on a port in use fails with 38016") {
  NetworkRig rig;
  PeerDatagrams other(rig.io, "127.0.0.1");
  rig.net.udpOpen(1, other.endpoint());
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{"Failed 1 38016"});
}

TEST_CASE("udp send without an address to send to fails with 38017") {
  NetworkRig rig;
  rig.net.udpOpen(1, Endpoint{"127.0.0.2", 0});
  rig.net.send(1, toBytes("x"), std::nullopt);
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{"Listening 1", "Failed 1 38017"});
}

TEST_CASE("pauseReading holds udp datagrams until resumed") {
  NetworkRig rig;
  const std::uint16_t port = freePort("127.0.0.2", true);
  rig.net.udpOpen(1, Endpoint{"127.0.0.2", port});
  REQUIRE(rig.runUntil([&] { return !rig.events.empty(); }));
  rig.net.pauseReading(true);
  PeerDatagrams peer(rig.io, "127.0.0.3");
  for (const std::size_t size : {3, 1, 2}) {
    peer.socket.send_to(asio::buffer(pattern(0, size)), udpAt("127.0.0.2", port));
  }
  rig.runFor(100ms);
  CHECK(rig.eventsOf(1) == Strings{"Listening 1"});
  rig.net.pauseReading(false);
  REQUIRE(rig.runUntil([&] { return receivedCount(rig, 1) == 3; }));
  const std::string from = " from " + text(peer.endpoint());
  CHECK(rig.eventsOf(1) == Strings{"Listening 1", "Received 1 3" + from, "Received 1 1" + from,
                                   "Received 1 2" + from});
}

TEST_CASE("udp close still sends the datagrams queued before it") {
  NetworkRig rig;
  rig.net.udpOpen(1, Endpoint{"127.0.0.2", 0});
  PeerDatagrams peer(rig.io, "127.0.0.3");
  peer.start();
  for (std::size_t size = 1; size <= 20; ++size) rig.net.send(1, pattern(0, size), peer.endpoint());
  rig.net.close(1);
  REQUIRE(rig.runUntil([&] { return peer.received.size() == 20; }));
  for (std::size_t i = 0; i < 20; ++i) CHECK(peer.received[i].first == pattern(0, i + 1));
  CHECK(rig.events.empty());
  CHECK(rig.net.queuedToNetwork() == 0);
}

}  // namespace
}  // namespace atsharp::reference::test
