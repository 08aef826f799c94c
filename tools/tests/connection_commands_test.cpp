// atsharp connect, ping, disconnect, and the sockets piped like nc (tcp open, tcp listen),
// against `atsharp emulate` on a pty and TCP peers on loopback.

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <random>
#include <thread>

#include "atsharp/fixtures/free_ports.hpp"
#include "atsharp/fixtures/tcp_peer.hpp"
#include "atsharp/fixtures/udp_peer.hpp"
#include "bench_module.hpp"
#include "cli_run.hpp"

namespace atsharp::test {
namespace {

TEST_SUITE_BEGIN("bench-commands");

using namespace std::chrono_literals;
using nlohmann::json;

CliResult bench(const BenchModule& module, std::vector<std::string> args,
                const CliOptions& options = {}) {
  args.push_back("--target");
  args.push_back(module.target());
  return runAtsharp(args, options);
}

// Every byte value, DLE and ETX included, in a random order: what the DLE coding must carry.
std::string randomPayload(std::size_t size, unsigned seed) {
  std::mt19937 random(seed);
  std::string payload(size, '\0');
  for (std::size_t i = 0; i < size; ++i) {
    payload[i] = static_cast<char>(i < 256 ? i : random() % 256);
  }
  std::shuffle(payload.begin(), payload.end(), random);
  return payload;
}

TEST_CASE("connect then ping then disconnect") {
  BenchModule module;
  const CliResult connected = bench(module, {"connect"});
  CHECK(connected.out == "127.0.0.2\nconnected: 127.0.0.2\n");
  CHECK(connected.status == 0);
  CHECK(bench(module, {"state"}).out == "CONNECTED\n");

  const CliResult ping = bench(module, {"ping", "127.0.0.1", "--count", "2", "--json"});
  REQUIRE(ping.status == 0);
  const json replies = json::parse(ping.out)["replies"];
  REQUIRE(replies.size() == 2);
  for (const json& reply : replies) {
    CHECK(reply["host"] == "127.0.0.1");
    CHECK(reply["alive"] == true);
    CHECK(reply["ms"].is_number_integer());
  }
  CHECK(bench(module, {"config", "get", "PINGNUM"}).out == "2\n");

  const CliResult text = bench(module, {"ping"});
  CHECK(text.out.starts_with("127.0.0.1 is alive: time = "));
  CHECK(text.status == 0);

  CHECK(bench(module, {"disconnect", "--json"}).out == "{\"state\":\"disconnected\"}\n");
  CHECK(bench(module, {"state"}).out == "IDLE\n");
}

TEST_CASE("a service without the IP link exits 1 with the module's code") {
  BenchModule module;
  const CliResult ping = bench(module, {"ping", "127.0.0.1", "--json"});
  const json error = json::parse(ping.out)["error"];
  CHECK(error["kind"] == "module");
  CHECK(error["command"] == "AT#PING");
  CHECK(error["code"] == 35867);
  CHECK(ping.err.starts_with("atsharp ping: the module answered AT#PING: #CME ERROR: 35867"));
  CHECK(ping.status == 1);
}

TEST_CASE("tcp open pipes stdin to the peer and the peer to stdout") {
  BenchModule module;
  REQUIRE(bench(module, {"connect"}).status == 0);
  const std::string payload = randomPayload(64 * 1024, 5);

  SUBCASE("stdin to a recording peer, then ETX at its end") {
    fixtures::TcpPeer peer = fixtures::TcpPeer::listen();
    const CliResult result =
        bench(module, {"tcp", "open", "1", "127.0.0.1", std::to_string(peer.endpoint().port), "-v"},
              {.input = payload});
    CHECK(result.out == "");
    CHECK(result.err == "atsharp tcp open: AT#OTCP=1 closed; 65536 bytes sent, 0 received\n");
    CHECK(result.status == 0);
    REQUIRE(peer.waitForReceived(payload.size(), 10s));
    CHECK(asString(peer.received()) == payload);
    CHECK(peer.waitForRemoteEnd(10s));
    CHECK(bench(module, {"config", "get", "TCPSERV", "--socket", "1"}).out == "127.0.0.1\n");
  }
  SUBCASE("an echoing peer that closes once it echoed everything") {
    fixtures::TcpPeer peer = fixtures::TcpPeer::listen(
        {.mode = fixtures::TcpPeerMode::Echo, .closeAfter = payload.size()});
    const CliResult result = bench(
        module,
        {"tcp", "open", "2", "127.0.0.1", std::to_string(peer.endpoint().port), "--linger", "60"},
        {.input = payload});
    CHECK(result.out.size() == payload.size());
    CHECK(result.out == payload);
    CHECK(result.status == 0);
  }
  CHECK(bench(module, {"state"}).out == "CONNECTED\n");
}

TEST_CASE("tcp listen pipes the peer that connects") {
  BenchModule module;
  REQUIRE(bench(module, {"connect"}).status == 0);
  const std::uint16_t port = fixtures::freePort("127.0.0.2");
  std::optional<fixtures::TcpPeer> peer;
  std::thread client([&] {
    // The module listens once the command runs; the peer tries until it is let in.
    for (int attempt = 0; attempt < 100 && !peer; ++attempt) {
      try {
        peer.emplace(fixtures::TcpPeer::connect({"127.0.0.2", port}, 1s));
      } catch (const Error&) {
        std::this_thread::sleep_for(100ms);
      }
    }
    if (peer) {
      peer->send(asBytes("from the peer\n"));
      peer->waitForReceived(8, 10s);
      peer->close();
    }
  });
  const CliResult result = bench(module, {"tcp", "listen", "1", std::to_string(port), "--linger",
                                          "60", "--timeout", "30"},
                                 {.input = "to peer\n"});
  client.join();
  REQUIRE(peer);
  CHECK(result.out == "from the peer\n");
  CHECK(asString(peer->received()) == "to peer\n");
  CHECK(result.status == 0);
}

TEST_CASE("atsharp shell turns into the data session and ends it with ~.") {
  BenchModule module;
  REQUIRE(bench(module, {"connect"}).status == 0);
  fixtures::TcpPeer peer = fixtures::TcpPeer::listen();
  const std::string port = std::to_string(peer.endpoint().port);
  const CliResult result =
      bench(module, {"shell"},
            {.input = "AT#TCPSERV=1,\"127.0.0.1\"\nAT#TCPPORT=1," + port +
                      "\nAT#OTCP=1\nhello peer\n~.\nAT#VSTATE\n"});
  CHECK(result.out ==
        "OK\n"
        "OK\n"
        "Ok_Info_WaitingForData\n"
        "-- data mode (AT#OTCP=1): lines go to the peer; ~. ends the session\n"
        "-- data mode ended: closed\n"
        "#STATE: \"CONNECTED\"\nOK\n");
  CHECK(result.status == 0);
  REQUIRE(peer.waitForReceived(11, 10s));
  CHECK(asString(peer.received()) == "hello peer\n");
}

TEST_CASE("udp open sends stdin as datagrams and closes at its end") {
  BenchModule module;
  REQUIRE(bench(module, {"connect"}).status == 0);
  fixtures::UdpPeer peer;
  const CliResult result =
      bench(module, {"udp", "open", "127.0.0.1", std::to_string(peer.endpoint().port), "-v"},
            {.input = "one datagram\x10\x03"});
  CHECK(result.err == "atsharp udp open: AT#OUDP closed; 14 bytes sent, 0 received\n");
  CHECK(result.status == 0);
  REQUIRE(peer.waitForDatagrams(1, 10s));
  std::string received;
  for (const fixtures::UdpDatagram& datagram : peer.datagrams()) received += asString(datagram.data);
  CHECK(received == "one datagram\x10\x03");
  CHECK(bench(module, {"config", "get", "UDPSERV"}).out == "127.0.0.1\n");
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::test
