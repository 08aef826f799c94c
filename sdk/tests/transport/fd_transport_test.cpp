// FdTransport over a socket pair and over a pair of pipes: bytes both ways, deadlines, a peer
// that closes, close() from another thread, writing to a closed peer without SIGPIPE.

#include <doctest/doctest.h>
#include <signal.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <thread>

#include "atsharp/error.hpp"
#include "atsharp/transport/fd_transport.hpp"
#include "random.hpp"
#include "transport_test_helpers.hpp"

namespace atsharp::test {
namespace {

struct TransportPair {
  std::unique_ptr<FdTransport> a;
  std::unique_ptr<FdTransport> b;
};

TransportPair overSocketPair() {
  auto [one, two] = socketPair();
  return {std::make_unique<FdTransport>(std::move(one), "socket a"),
          std::make_unique<FdTransport>(std::move(two), "socket b")};
}

// Two pipes, crossed: what a writes into the first, b reads, and the other way round.
TransportPair overPipes() {
  auto [aToBRead, aToBWrite] = pipeEnds();
  auto [bToARead, bToAWrite] = pipeEnds();
  return {std::make_unique<FdTransport>(std::move(bToARead), std::move(aToBWrite), "pipes a"),
          std::make_unique<FdTransport>(std::move(aToBRead), std::move(bToAWrite), "pipes b")};
}

// Runs the enclosing test case once per kind of descriptor.
TransportPair eachKind() {
  TransportPair pair;
  SUBCASE("socket pair") { pair = overSocketPair(); }
  SUBCASE("pipes") { pair = overPipes(); }
  return pair;
}

void checkSends(Transport& from, Transport& to, const Bytes& bytes) {
  auto received = readUpToAsync(to, bytes.size(), generous());
  const IoResult written = from.write(bytes, generous());
  CHECK(written.status == IoStatus::Ok);
  CHECK(written.count == bytes.size());
  const Received got = received.get();
  CHECK(got.last == IoStatus::Ok);
  CHECK(got.bytes == bytes);
}

// A SIGPIPE the transport let through would end the test run here.
struct DefaultSigpipe {
  DefaultSigpipe() { ::signal(SIGPIPE, SIG_DFL); }
};

bool sigpipePending() {
  sigset_t pending;
  sigemptyset(&pending);
  sigpending(&pending);
  return sigismember(&pending, SIGPIPE) == 1;
}

}  // namespace

TEST_CASE("FdTransport carries all 256 byte values both ways") {
  TransportPair pair = eachKind();
  checkSends(*pair.a, *pair.b, allByteValues());
  checkSends(*pair.b, *pair.a, allByteValues());
}

TEST_CASE("FdTransport carries 1 MiB of random bytes to a reader thread") {
  ATSHARP_SEED_INFO();
  TransportPair pair = eachKind();
  auto gen = rng(101);
  checkSends(*pair.a, *pair.b, randomBytes(gen, 1 << 20));
  checkSends(*pair.b, *pair.a, randomBytes(gen, 1 << 20));
}

TEST_CASE("FdTransport read with nothing to read ends with Timeout - not before the deadline") {
  TransportPair pair = eachKind();
  Bytes buffer(16);
  const Deadline deadline = after(50ms);
  const IoResult result = pair.b->read(buffer, deadline);
  CHECK(result.status == IoStatus::Timeout);
  CHECK(result.count == 0);
  CHECK(Clock::now() >= deadline);
  CHECK(Clock::now() < deadline + 5s);
}

TEST_CASE("FdTransport read past the deadline still returns data already there") {
  TransportPair pair = eachKind();
  REQUIRE(pair.a->write(asBytes("ready"), generous()).status == IoStatus::Ok);
  std::this_thread::sleep_for(10ms);
  const Received got = readUpTo(*pair.b, 5, Clock::now() - 1s);
  CHECK(got.last == IoStatus::Ok);
  CHECK(asString(got.bytes) == "ready");
}

TEST_CASE("FdTransport returns what the peer sent before it closed - then Closed") {
  TransportPair pair = eachKind();
  REQUIRE(pair.a->write(asBytes("last words"), generous()).status == IoStatus::Ok);
  pair.a->close();
  const Received got = readToEnd(*pair.b, generous());
  CHECK(asString(got.bytes) == "last words");
  CHECK(got.last == IoStatus::Closed);
  Bytes buffer(4);
  CHECK(pair.b->read(buffer, generous()).status == IoStatus::Closed);  // and stays closed
}

TEST_CASE("FdTransport read sees Closed when the peer's raw descriptor closes") {
  auto [mine, theirs] = socketPair();
  FdTransport transport(std::move(mine), "socket");
  REQUIRE(::write(theirs.get(), "xy", 2) == 2);
  theirs.reset();
  const Received got = readToEnd(transport, generous());
  CHECK(asString(got.bytes) == "xy");
  CHECK(got.last == IoStatus::Closed);
}

TEST_CASE("FdTransport close() from another thread wakes a blocked read") {
  TransportPair pair = eachKind();
  const Deadline deadline = generous();
  auto reader = std::async(std::launch::async, [&] {
    Bytes buffer(16);
    return pair.b->read(buffer, deadline);
  });
  CHECK(reader.wait_for(50ms) == std::future_status::timeout);  // it is blocked
  pair.b->close();
  const IoResult result = reader.get();
  CHECK(result.status == IoStatus::Closed);
  CHECK(result.count == 0);
  CHECK(Clock::now() < deadline);
}

TEST_CASE("FdTransport close() from another thread wakes a blocked write") {
  TransportPair pair = eachKind();
  const Bytes big(16 << 20, Byte{0x55});  // more than any socket or pipe buffer holds
  const Deadline deadline = generous();
  auto writer = std::async(std::launch::async, [&] { return pair.a->write(big, deadline); });
  CHECK(writer.wait_for(50ms) == std::future_status::timeout);  // nobody reads: it is blocked
  pair.a->close();
  const IoResult result = writer.get();
  CHECK(result.status == IoStatus::Closed);
  CHECK(result.count < big.size());
  CHECK(Clock::now() < deadline);
}

TEST_CASE("FdTransport write with no room ends with Timeout and the count written") {
  TransportPair pair = eachKind();
  const Bytes big(16 << 20, Byte{0xAA});
  const Deadline deadline = after(50ms);
  const IoResult result = pair.a->write(big, deadline);
  CHECK(result.status == IoStatus::Timeout);
  CHECK(result.count > 0);
  CHECK(result.count < big.size());
  CHECK(Clock::now() >= deadline);
}

TEST_CASE("FdTransport write to a closed peer is Closed - without SIGPIPE") {
  const DefaultSigpipe defaultSigpipe;
  TransportPair pair = eachKind();
  pair.b->close();
  const IoResult result = pair.a->write(asBytes("anyone there?"), generous());
  CHECK(result.status == IoStatus::Closed);
  CHECK(result.count == 0);
  CHECK_FALSE(sigpipePending());
}

TEST_CASE("FdTransport after close(): reads and writes are Closed - close() again is harmless") {
  TransportPair pair = eachKind();
  pair.a->close();
  pair.a->close();
  Bytes buffer(4);
  CHECK(pair.a->read(buffer, generous()).status == IoStatus::Closed);
  CHECK(pair.a->write(asBytes("x"), generous()).status == IoStatus::Closed);
}

TEST_CASE("FdTransport describes itself as told - and refuses an invalid descriptor") {
  TransportPair pair = overSocketPair();
  CHECK(pair.a->describe() == "socket a");
  CHECK_THROWS_WITH_AS(FdTransport(UniqueFd(), "nothing"), "nothing: invalid descriptor",
                       UsageError);
}

}  // namespace atsharp::test
