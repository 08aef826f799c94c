// ping: ICMP echo on loopback, its timeout in module time, and the packets themselves.

#include <doctest/doctest.h>
#include <linux/capability.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <thread>

#include "network_rig.hpp"
#include "runtime/network/icmp_packet.hpp"

namespace atsharp::reference::test {
namespace {

using Strings = std::vector<std::string>;

const PingAnswer& onlyAnswer(const NetworkRig& rig, ActivityId id) {
  REQUIRE(rig.events.size() == 1);
  const auto* answer = std::get_if<PingAnswer>(&rig.events.front());
  REQUIRE_MESSAGE(answer, describe(rig.events.front()));
  REQUIRE(answer->id == id);
  return *answer;
}

TEST_CASE("ping 127.0.0.1 answers with a time") {
  NetworkRig rig;
  const auto start = std::chrono::steady_clock::now();
  rig.net.ping(1, "", "127.0.0.1", ModuleTime(2000));
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  const PingAnswer& answer = onlyAnswer(rig, 1);
  REQUIRE(answer.milliseconds);
  CHECK(*answer.milliseconds >= 0);
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  CHECK(*answer.milliseconds <= took.count());
}

TEST_CASE("ping from a module address to another loopback address answers") {
  NetworkRig rig;
  rig.net.ping(1, "127.0.0.2", "127.0.0.5", ModuleTime(2000));
  rig.net.ping(2, "127.0.0.2", "127.0.0.6", ModuleTime(2000));
  REQUIRE(rig.runUntil([&] { return rig.ended(1) && rig.ended(2); }));
  for (const NetworkEvent& event : rig.events) {
    const auto* answer = std::get_if<PingAnswer>(&event);
    REQUIRE_MESSAGE(answer, describe(event));
    CHECK(answer->milliseconds);
  }
}

TEST_CASE("ping round trip and timeout are module time") {
  // 1 real s per 1000 module s: a round trip of a few real microseconds is some module ms,
  // and a timeout of 100 module s is a tenth of a real second.
  NetworkRig rig(0.001);
  rig.net.ping(1, "", "127.0.0.1", ModuleTime(100'000));
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  const PingAnswer& answer = onlyAnswer(rig, 1);
  REQUIRE(answer.milliseconds);
  CHECK(*answer.milliseconds < 100'000);
}

TEST_CASE("ping with a zero timeout reports no answer") {
  // A reply counts only if it came within the timeout: with none, it never does, whatever
  // the loopback's speed.
  NetworkRig rig;
  for (ActivityId id = 1; id <= 5; ++id) rig.net.ping(id, "", "127.0.0.1", ModuleTime(0));
  REQUIRE(rig.runUntil([&] { return rig.events.size() == 5; }));
  for (const NetworkEvent& event : rig.events) {
    CHECK(describe(event) == "PingAnswer " + std::to_string(activityOf(event)) + " none");
  }
}

TEST_CASE("ping of something that is not an address reports no answer") {
  NetworkRig rig;
  rig.net.ping(1, "", "ftp.test", ModuleTime(1000));
  REQUIRE(rig.runUntil([&] { return rig.ended(1); }));
  CHECK(rig.eventsOf(1) == Strings{"PingAnswer 1 none"});
}

TEST_CASE("ping close before the answer reports nothing") {
  NetworkRig rig;
  rig.net.ping(1, "", "127.0.0.1", ModuleTime(1000));
  rig.net.close(1);
  rig.runFor(100ms);
  CHECK(rig.events.empty());
}

// Takes CAP_NET_RAW from the calling thread only (capabilities are per thread on Linux), so
// that the ping below sees what an unprivileged process sees.
bool dropNetRawOfThisThread() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2] = {};
  if (syscall(SYS_capget, &header, data) != 0) return false;
  data[CAP_NET_RAW / 32].effective &= ~(1U << (CAP_NET_RAW % 32));
  data[CAP_NET_RAW / 32].permitted &= ~(1U << (CAP_NET_RAW % 32));
  return syscall(SYS_capset, &header, data) == 0;
}

TEST_CASE("ping without raw sockets uses a ping socket or fails with 36872") {
  std::vector<std::string> events;
  bool pingSocket = false;
  bool dropped = false;
  std::thread unprivileged([&] {
    dropped = dropNetRawOfThisThread();
    const int probe = ::socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    pingSocket = probe >= 0;
    if (probe >= 0) ::close(probe);
    NetworkRig rig;
    rig.net.ping(1, "", "127.0.0.1", ModuleTime(2000));
    rig.runUntil([&] { return rig.ended(1); });
    for (const NetworkEvent& event : rig.events) events.push_back(describe(event));
  });
  unprivileged.join();
  REQUIRE(dropped);
  REQUIRE(events.size() == 1);
  if (pingSocket) {
    // net.ipv4.ping_group_range lets this process's group have ping sockets.
    CHECK(events[0].starts_with("PingAnswer 1 "));
    CHECK(events[0] != "PingAnswer 1 none");
  } else {
    CHECK(events[0] == "Failed 1 36872");
  }
}

TEST_CASE("icmp echo request carries its header and a valid checksum") {
  const Bytes request = echoRequest(EchoHeader{0x1234, 0xABCD});
  REQUIRE(request.size() >= 8);
  CHECK(request[0] == 8);
  CHECK(request[1] == 0);
  CHECK(request[4] == 0x12);
  CHECK(request[5] == 0x34);
  CHECK(request[6] == 0xAB);
  CHECK(request[7] == 0xCD);
  CHECK(internetChecksum(request) == 0);  // a packet with its checksum sums to zero
}

TEST_CASE("icmp checksum of the RFC 1071 example") {
  const Bytes bytes = {0x00, 0x01, 0xF2, 0x03, 0xF4, 0xF5, 0xF6, 0xF7};
  CHECK(internetChecksum(bytes) == static_cast<std::uint16_t>(~0xDDF2 & 0xFFFF));
  const Bytes odd = {0x01};
  CHECK(internetChecksum(odd) == 0xFEFF);
}

TEST_CASE("icmp echo reply is read with and without its IP header") {
  Bytes reply = echoRequest(EchoHeader{7, 9});
  reply[0] = 0;
  CHECK(echoReply(reply, false) == EchoHeader{7, 9});
  Bytes withIp(24, 0);
  withIp[0] = 0x46;  // IPv4, 24-byte header (with options)
  withIp.insert(withIp.end(), reply.begin(), reply.end());
  CHECK(echoReply(withIp, true) == EchoHeader{7, 9});
  CHECK_FALSE(echoReply(echoRequest(EchoHeader{7, 9}), false));  // a request is no reply
  CHECK_FALSE(echoReply(Bytes(7, 0), false));
  CHECK_FALSE(echoReply(Bytes{0x4F, 0, 0}, true));
}

}  // namespace
}  // namespace atsharp::reference::test
