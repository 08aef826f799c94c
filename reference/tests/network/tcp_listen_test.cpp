// tcpListen: one peer, the allowed one when the module names it.

#include <doctest/doctest.h>

#include <boost/asio/write.hpp>

#include "network_rig.hpp"
#include "peers.hpp"

namespace atsharp::reference::test {
namespace {

using Strings = std::vector<std::string>;

std::string connectedFrom(const PeerClient& client) {
  const tcp::endpoint local = client.socket.local_endpoint();
  return "Connected 1 " + local.address().to_string() + ":" + std::to_string(local.port());
}

TEST_CASE("tcp listen accepts one peer and carries data both ways") {
  NetworkRig rig;
  const std::uint16_t port = freePort("127.0.0.2");
  rig.net.tcpListen(1, Endpoint{"127.0.0.2", port}, std::nullopt);
  REQUIRE(rig.runUntil([&] { return !rig.events.empty(); }));
  CHECK(rig.eventsOf(1) == Strings{"Listening 1"});
  PeerClient client(rig.io, "127.0.0.3", Endpoint{"127.0.0.2", port});
  REQUIRE(rig.runUntil([&] { return client.done && rig.eventsOf(1).size() == 2; }));
  REQUIRE_FALSE(client.error);
  CHECK(rig.eventsOf(1) == Strings{"Listening 1", connectedFrom(client)});
  asio::write(client.socket, asio::buffer(pattern(0, 3000)));
  rig.net.send(1, pattern(5, 4000), std::nullopt);
  PeerReader reader(client.socket);
  reader.start();
  REQUIRE(
      rig.runUntil([&] { return rig.receivedBy(1).size() == 3000 && reader.data.size() == 4000; }));
  CHECK(rig.receivedBy(1) == pattern(0, 3000));
  CHECK(reader.data == pattern(5, 4000));
  // One peer only: the port no longer takes connections.
  PeerClient late(rig.io, "127.0.0.3", Endpoint{"127.0.0.2", port});
  REQUIRE(rig.runUntil([&] { return late.done; }));
  CHECK(late.error == asio::error::connection_refused);
}

TEST_CASE("tcp listen with an allowed peer turns others away and goes on listening") {
  NetworkRig rig;
  const std::uint16_t port = freePort("127.0.0.1");
  rig.net.tcpListen(1, Endpoint{"127.0.0.1", port}, std::string("127.0.0.4"));
  REQUIRE(rig.runUntil([&] { return !rig.events.empty(); }));
  PeerClient stranger(rig.io, "127.0.0.3", Endpoint{"127.0.0.1", port});
  REQUIRE(rig.runUntil([&] { return stranger.done; }));
  REQUIRE_FALSE(stranger.error);  // the kernel completed the handshake; the module hangs up
  PeerReader turnedAway(stranger.socket);
  turnedAway.start();
  REQUIRE(rig.runUntil([&] { return turnedAway.ended; }));
  CHECK(turnedAway.data.empty());
  CHECK(rig.eventsOf(1) == Strings{"Listening 1"});
  PeerClient allowed(rig.io, "127.0.0.4", Endpoint{"127.0.0.1", port});
  REQUIRE(rig.runUntil([&] { return allowed.done && rig.eventsOf(1).size() == 2; }));
  CHECK(rig.eventsOf(1) == Strings{"Listening 1", connectedFrom(allowed)});
  asio::write(allowed.socket, asio::buffer(pattern(0, 10)));
  REQUIRE(rig.runUntil([&] { return rig.receivedBy(1).size() == 10; }));
}

TEST_CASE("tcp listen with the broadcast address as allowed peer takes anyone") {
  NetworkRig rig;
  const std::uint16_t port = freePort("127.0.0.1");
  rig.net.tcpListen(1, Endpoint{"127.0.0.1", port}, std::string("255.255.255.255"));
  REQUIRE(rig.runUntil([&] { return !rig.events.empty(); }));
  PeerClient client(rig.io, "127.0.0.3", Endpoint{"127.0.0.1", port});
  REQUIRE(rig.runUntil([&] { return rig.eventsOf(1).size() == 2; }));
  CHECK(rig.eventsOf(1) == Strings{"Listening 1", connectedFrom(client)});
}

TEST_CASE("tcp listen on a port in use fails with 38016") {
  NetworkRig rig;
  PeerListener other(rig.io, "127.0.0.1");
  rig.net.tcpListen(1, other.endpoint(), std::nullopt);
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{"Failed 1 38016"});
}

TEST_CASE("tcp listen closed before any peer came refuses later peers silently") {
  NetworkRig rig;
  const std::uint16_t port = freePort("127.0.0.1");
  rig.net.tcpListen(1, Endpoint{"127.0.0.1", port}, std::nullopt);
  REQUIRE(rig.runUntil([&] { return !rig.events.empty(); }));
  rig.net.close(1);
  PeerClient client(rig.io, "127.0.0.3", Endpoint{"127.0.0.1", port});
  REQUIRE(rig.runUntil([&] { return client.done; }));
  CHECK(client.error == asio::error::connection_refused);
  CHECK(rig.eventsOf(1) == Strings{"Listening 1"});
}

}  // namespace
}  // namespace atsharp::reference::test
