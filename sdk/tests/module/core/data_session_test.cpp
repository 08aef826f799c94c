// Data sessions against the reference module on a pty, its sockets on the host's stack: 1 MiB
// of random bytes through a TCP echo peer under both DLEMODEs, the ends of a session, a listen,
// and UDP.

#include <doctest/doctest.h>

#include <sys/socket.h>

#include <future>

#include "atsharp/module/data_session.hpp"
#include "echo_peer.hpp"
#include "module_rig.hpp"
#include "random.hpp"

namespace atsharp::test {
namespace {

constexpr Milliseconds kWait{10000};

// Writes @p payload in pieces on one thread while this one reads it back: a pty's buffers
// are far smaller than 1 MiB, so one thread doing both would block.
Bytes echoThrough(DataSession& session, const Bytes& payload) {
  auto writer = std::async(std::launch::async, [&] {
    for (std::size_t at = 0; at < payload.size(); at += 8192) {
      session.write(ByteView(payload).subspan(at, std::min<std::size_t>(8192, payload.size() - at)));
    }
  });
  Bytes echoed;
  while (echoed.size() < payload.size() && session.isOpen()) {
    const Bytes piece = session.read(kWait);
    if (piece.empty()) break;
    echoed.insert(echoed.end(), piece.begin(), piece.end());
  }
  writer.get();
  return echoed;
}

void setTcp(Module& module, std::uint16_t port, int dlemode) {
  module.command("AT#TCPSERV=1,\"127.0.0.1\"");
  module.command("AT#TCPPORT=1," + std::to_string(port));
  module.command("AT#TCPTXDELAY=1,0");
  module.command("AT#DLEMODE=1," + std::to_string(dlemode));
}

}  // namespace

TEST_CASE("OTCP under DLEMODE 1: 1 MiB of all byte values echoed byte-exact - close with ETX") {
  ATSHARP_SEED_INFO();
  auto gen = rng(51);
  ModuleRig rig;
  rig.connectGprs();
  TcpEchoPeer peer;
  setTcp(rig.module(), peer.port(), 1);
  auto session = rig.module().openTcp(SocketId(1));
  CHECK(session->coding() == DataCoding::Dle);
  CHECK_THROWS_AS(rig.module().command("AT"), UsageError);  // the session holds the line
  const Bytes payload = randomBytes(gen, 1 << 20);
  CHECK(echoThrough(*session, payload) == payload);
  session->close();
  CHECK(session->state() == DataSession::State::ClosedByHost);
  CHECK(rig.module().command("AT").final.succeeded());
}

TEST_CASE("OTCP under DLEMODE 0: bytes untouched - the peer's close ends it and is told apart") {
  ATSHARP_SEED_INFO();
  auto gen = rng(52);
  ModuleRig rig;
  rig.connectGprs();
  const std::size_t size = 256 * 1024;
  TcpEchoPeer peer(size);
  setTcp(rig.module(), peer.port(), 0);
  auto session = rig.module().openTcp(SocketId(1));
  CHECK(session->coding() == DataCoding::PassThrough);
  CHECK_THROWS_AS(session->close(), UsageError);
  // ETX, DLE and the very tail the module writes at the end, inside the payload.
  Bytes payload = randomBytes(gen, size - 64);
  const std::string tricky = "\x03\r\nOk_Info_Socket\x10\x03\r\n#CME ERROR";
  payload.insert(payload.end(), tricky.begin(), tricky.end());
  payload.resize(size, 0x03);
  CHECK(echoThrough(*session, payload) == payload);
  while (session->isOpen()) session->read(kWait);
  CHECK(session->state() == DataSession::State::ClosedByPeer);
  CHECK(rig.module().command("AT#VSTATE").lines ==
        std::vector<std::string>{"#STATE: \"CONNECTED\""});
}

TEST_CASE("a peer closing under DLEMODE 1: ClosedByPeer - the module usable again") {
  ModuleRig rig;
  rig.connectGprs();
  TcpEchoPeer peer(5);
  setTcp(rig.module(), peer.port(), 1);
  auto session = rig.module().openTcp(SocketId(1));
  session->write(std::string_view("hello"));
  Bytes echoed;
  session->drain([&](ByteView bytes) { echoed.insert(echoed.end(), bytes.begin(), bytes.end()); },
                 kWait);
  CHECK(echoed == toBytes("hello"));
  CHECK(session->state() == DataSession::State::ClosedByPeer);
  CHECK_THROWS_AS(session->write(std::string_view("late")), UsageError);
  CHECK(rig.module().command("AT").final.succeeded());
}

TEST_CASE("OTCP refused: ModuleError 38016 - no session - the module usable") {
  ModuleRig rig;
  rig.connectGprs();
  std::uint16_t closedPort = 0;
  { closedPort = TcpEchoPeer().port(); }  // a port nothing listens on any more
  setTcp(rig.module(), closedPort, 1);
  try {
    rig.module().openTcp(SocketId(1));
    FAIL("no ModuleError");
  } catch (const ModuleError& error) {
    CHECK(error.code() == 38016);
  }
  CHECK(rig.module().command("AT").final.succeeded());
}

TEST_CASE("listenTcp: the session starts when a peer connects to the module's address") {
  ModuleRig rig;
  rig.connectGprs();
  const std::uint16_t port = TcpEchoPeer().port();  // free now
  rig.module().command("AT#TCPPORT=2," + std::to_string(port));
  rig.module().command("AT#TCPSERV=2,\"255.255.255.255\"");
  auto peer = std::async(std::launch::async, [&] {
    UniqueFd fd;
    for (int attempt = 0; attempt < 100 && !fd.valid(); ++attempt) {
      fd = connectTcp("127.0.0.2", port);
      if (!fd.valid()) std::this_thread::sleep_for(Milliseconds{20});
    }
    REQUIRE(fd.valid());
    ::send(fd.get(), "from peer", 9, MSG_NOSIGNAL);
    char reply[5] = {};
    ::recv(fd.get(), reply, sizeof reply, MSG_WAITALL);
    return std::string(reply, sizeof reply);
  });
  auto session = rig.module().listenTcp(SocketId(2), kWait);
  Bytes got;
  while (got.size() < 9) {
    const Bytes piece = session->read(kWait);
    REQUIRE_FALSE(piece.empty());
    got.insert(got.end(), piece.begin(), piece.end());
  }
  CHECK(got == toBytes("from peer"));
  session->write(std::string_view("hello"));
  CHECK(peer.get() == "hello");
  session->close();
  CHECK(session->state() == DataSession::State::ClosedByHost);
}

TEST_CASE("listenTcp with nobody coming: TimeoutError - the listen stopped - the module usable") {
  ModuleRig rig;
  rig.connectGprs();
  rig.module().command("AT#TCPPORT=1," + std::to_string(TcpEchoPeer().port()));
  CHECK_THROWS_AS(rig.module().listenTcp(SocketId(1), Milliseconds{300}), TimeoutError);
  CHECK(rig.module().command("AT").final.succeeded());
}

TEST_CASE("openUdp: datagrams of 1 to 1472 bytes echoed by the peer") {
  ATSHARP_SEED_INFO();
  auto gen = rng(53);
  ModuleRig rig;
  rig.connectGprs();
  UdpEchoPeer peer;
  rig.module().command("AT#UDPSERV=\"127.0.0.1\"");
  rig.module().command("AT#UDPPORT=" + std::to_string(peer.port()));
  rig.module().command("AT#UDPTXDELAY=0");
  auto session = rig.module().openUdp();
  for (const std::size_t size : {std::size_t{1}, std::size_t{100}, std::size_t{1472}}) {
    CAPTURE(size);
    const Bytes datagram = randomBytes(gen, size);
    session->write(datagram);
    Bytes echoed;
    while (echoed.size() < size) {
      const Bytes piece = session->read(kWait);
      REQUIRE_FALSE(piece.empty());
      echoed.insert(echoed.end(), piece.begin(), piece.end());
    }
    CHECK(echoed == datagram);
  }
  session->close();
  CHECK(session->state() == DataSession::State::ClosedByHost);
}

TEST_CASE("a session ended by its destructor leaves the module usable") {
  ModuleRig rig;
  rig.connectGprs();
  TcpEchoPeer peer;
  setTcp(rig.module(), peer.port(), 1);
  rig.module().openTcp(SocketId(1)).reset();
  CHECK(rig.module().command("AT").final.succeeded());
}

TEST_CASE("a session a raw command opened is taken with takeDataSession") {
  ModuleRig rig;
  rig.connectGprs();
  TcpEchoPeer peer;
  setTcp(rig.module(), peer.port(), 1);
  CHECK(rig.module().takeDataSession() == nullptr);
  CHECK(rig.module().raw("AT#otcp=1").final.result == catalogue::Result::WaitingForData);
  auto session = rig.module().takeDataSession();
  REQUIRE(session != nullptr);
  session->write(std::string_view("x"));
  CHECK(session->read(kWait) == toBytes("x"));
  session->close();
}

}  // namespace atsharp::test
