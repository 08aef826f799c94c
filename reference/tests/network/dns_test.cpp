// resolve with c-ares against a real dnsmasq: only the module's servers, in their order, on
// the module's port, and a bounded wait when none answers; and against the fixtures' DNS
// server, which shows where the questions came from: the module's address.

#include <doctest/doctest.h>

#include "atsharp/fixtures/dns_fixture.hpp"
#include "dns_server.hpp"
#include "network_rig.hpp"
#include "peers.hpp"

namespace atsharp::reference::test {
namespace {

using Strings = std::vector<std::string>;

SocketLimits quickDns() {
  SocketLimits limits;
  limits.dnsTimeout = 300ms;
  return limits;
}

Strings resolveWith(NetworkRig& rig, const std::string& name, const Strings& servers,
                    std::uint16_t port, std::chrono::milliseconds limit = 5s,
                    const std::string& localAddress = "") {
  rig.net.resolve(1, localAddress, name, servers, port);
  CHECK(rig.events.empty());  // never from inside the request
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }, limit));
  return rig.eventsOf(1);
}

TEST_CASE("dns resolves a name dnsmasq knows") {
  DnsServer dns({"ftp.test=127.0.0.1", "mail.test=127.0.0.9"});
  NetworkRig rig;
  CHECK(resolveWith(rig, "mail.test", {"127.0.0.1"}, dns.port()) ==
        Strings{"Resolved 1 127.0.0.9"});
}

TEST_CASE("dns name unknown to dnsmasq fails with 38027") {
  DnsServer dns({"ftp.test=127.0.0.1"});
  NetworkRig rig;
  CHECK(resolveWith(rig, "nowhere.test", {"127.0.0.1"}, dns.port()) == Strings{"Failed 1 38027"});
}

TEST_CASE("dns goes on to the second server when the first port is closed") {
  DnsServer dns({"ftp.test=127.0.0.1"});
  NetworkRig rig;
  // dnsmasq listens on 127.0.0.1 only: the same port on 127.0.0.2 answers "port unreachable".
  CHECK(resolveWith(rig, "ftp.test", {"127.0.0.2", "127.0.0.1"}, dns.port()) ==
        Strings{"Resolved 1 127.0.0.1"});
}

TEST_CASE("dns goes on to the second server when the first one is silent") {
  DnsServer dns({"ftp.test=127.0.0.1"});
  NetworkRig rig(1.0, quickDns());
  udp::socket silent(rig.io, udpAt("127.0.0.3", dns.port()));  // takes queries, answers none
  const auto start = std::chrono::steady_clock::now();
  CHECK(resolveWith(rig, "ftp.test", {"127.0.0.3", "127.0.0.1"}, dns.port()) ==
        Strings{"Resolved 1 127.0.0.1"});
  CHECK(std::chrono::steady_clock::now() - start >= 300ms);  // the first one was waited for
  CHECK(silent.available() > 0);                             // and asked
}

TEST_CASE("dns with both servers silent fails with 38027 in bounded time") {
  NetworkRig rig(1.0, quickDns());
  const std::uint16_t port = freePort("127.0.0.3", true);
  udp::socket first(rig.io, udpAt("127.0.0.3", port));
  udp::socket second(rig.io, udpAt("127.0.0.4", port));
  const auto start = std::chrono::steady_clock::now();
  CHECK(resolveWith(rig, "ftp.test", {"127.0.0.3", "127.0.0.4"}, port) ==
        Strings{"Failed 1 38027"});
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(took >= 600ms);  // one try of 300 ms with each
  CHECK(took < 2s);
  CHECK(first.available() > 0);
  CHECK(second.available() > 0);
}

TEST_CASE("dns waits for silent servers in module time: 30 s each are 300 ms at scale 0.01") {
  SocketLimits limits;
  limits.dnsTimeout = 30s;  // module time
  NetworkRig rig(0.01, limits);
  const std::uint16_t port = freePort("127.0.0.3", true);
  udp::socket first(rig.io, udpAt("127.0.0.3", port));
  udp::socket second(rig.io, udpAt("127.0.0.4", port));
  const auto start = std::chrono::steady_clock::now();
  // Within the deadline of a few seconds, where real-time waits would be a minute.
  CHECK(resolveWith(rig, "ftp.test", {"127.0.0.3", "127.0.0.4"}, port, 10s) ==
        Strings{"Failed 1 38027"});
  CHECK(std::chrono::steady_clock::now() - start >= 600ms);  // each waited its 300 ms
  CHECK(first.available() > 0);
  CHECK(second.available() > 0);
}

TEST_CASE("dns with both server ports closed fails with 38027 at once") {
  NetworkRig rig(1.0, quickDns());
  const std::uint16_t port = freePort("127.0.0.1", true);
  const auto start = std::chrono::steady_clock::now();
  CHECK(resolveWith(rig, "ftp.test", {"127.0.0.2", "127.0.0.3"}, port) ==
        Strings{"Failed 1 38027"});
  CHECK(std::chrono::steady_clock::now() - start < 300ms);  // no timeout waited for
}

TEST_CASE("dns never asks the host's resolver or hosts file") {
  // "localhost" is in every /etc/hosts; with no server that answers, it must still fail.
  NetworkRig rig(1.0, quickDns());
  const std::uint16_t port = freePort("127.0.0.1", true);
  CHECK(resolveWith(rig, "localhost", {"127.0.0.2"}, port) == Strings{"Failed 1 38027"});
}

TEST_CASE("dns of a dotted quad answers the address itself") {
  NetworkRig rig;
  CHECK(resolveWith(rig, "127.0.0.7", {}, 1) == Strings{"Resolved 1 127.0.0.7"});
}

TEST_CASE("dns without a server fails with 38027") {
  NetworkRig rig;
  CHECK(resolveWith(rig, "ftp.test", {}, 5353) == Strings{"Failed 1 38027"});
  rig.events.clear();
  CHECK(resolveWith(rig, "ftp.test", {"not a server"}, 5353) == Strings{"Failed 1 38027"});
}

TEST_CASE("dns close before the answer reports nothing") {
  DnsServer dns({"ftp.test=127.0.0.1"});
  NetworkRig rig;
  rig.net.resolve(1, "", "ftp.test", {"127.0.0.1"}, dns.port());
  rig.net.close(1);
  rig.runFor(200ms);
  CHECK(rig.events.empty());
}

TEST_CASE("dns questions leave from the module's address") {
  fixtures::DnsFixture dns({.records = {{"ftp.test", "127.0.0.9"}}});
  NetworkRig rig;
  CHECK(resolveWith(rig, "ftp.test", {dns.endpoint().address}, dns.endpoint().port, 5s,
                    "127.0.0.2") == Strings{"Resolved 1 127.0.0.9"});
  const std::vector<fixtures::DnsQuery> queries = dns.queries();
  REQUIRE_FALSE(queries.empty());
  for (const fixtures::DnsQuery& query : queries) {
    CHECK(query.from.address == "127.0.0.2");
    CHECK(query.question.name == "ftp.test");
  }
}

TEST_CASE("dns questions of both servers leave from the module's address") {
  // The first server is down: the question to the second one leaves from the module's address
  // too, and so does every retry.
  fixtures::DnsFixture first;
  first.setFailure(fixtures::DnsFailure::Silence);
  fixtures::DnsFixture second({.address = "127.0.0.3",
                               .port = first.endpoint().port,
                               .records = {{"mail.test", "127.0.0.8"}}});
  NetworkRig rig(1.0, quickDns());
  CHECK(resolveWith(rig, "mail.test", {"127.0.0.1", "127.0.0.3"}, first.endpoint().port, 5s,
                    "127.0.0.2") == Strings{"Resolved 1 127.0.0.8"});
  REQUIRE(first.queries().size() >= 1);
  REQUIRE(second.queries().size() >= 1);
  for (const auto& query : first.queries()) CHECK(query.from.address == "127.0.0.2");
  for (const auto& query : second.queries()) CHECK(query.from.address == "127.0.0.2");
}

TEST_CASE("dns from an address the host does not have fails with 38027") {
  fixtures::DnsFixture dns({.records = {{"ftp.test", "127.0.0.9"}}});
  NetworkRig rig(1.0, quickDns());
  // TEST-NET-1: on no interface of a test machine, so no socket binds to it.
  CHECK(resolveWith(rig, "ftp.test", {dns.endpoint().address}, dns.endpoint().port, 5s,
                    "192.0.2.1") == Strings{"Failed 1 38027"});
  CHECK(dns.queries().empty());
}

TEST_CASE("dns from a local address that is not an address fails with 38027") {
  NetworkRig rig;
  CHECK(resolveWith(rig, "ftp.test", {"127.0.0.1"}, 53, 5s, "not an address") ==
        Strings{"Failed 1 38027"});
}

}  // namespace
}  // namespace atsharp::reference::test
