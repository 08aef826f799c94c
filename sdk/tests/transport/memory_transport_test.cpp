// MemoryTransport: the in-memory pair the other layers' tests run on.

#include <doctest/doctest.h>

#include <future>
#include <thread>

#include "atsharp/error.hpp"
#include "atsharp/transport/memory_transport.hpp"
#include "random.hpp"
#include "transport_test_helpers.hpp"

namespace atsharp::test {

TEST_CASE("MemoryTransport pair: what one end writes - the other reads - both ways") {
  auto [a, b] = MemoryTransport::pair();
  CHECK(a->describe() == "memory:a");
  CHECK(b->describe() == "memory:b");
  const Bytes values = allByteValues();
  REQUIRE(a->write(values, generous()).status == IoStatus::Ok);
  CHECK(readUpTo(*b, 256, generous()).bytes == values);
  REQUIRE(b->write(asBytes("OK\r\n"), generous()).status == IoStatus::Ok);
  CHECK(asString(readUpTo(*a, 4, generous()).bytes) == "OK\r\n");
}

TEST_CASE("MemoryTransport reads return at most maxReadChunk bytes") {
  auto [a, b] = MemoryTransport::pair({.capacity = 64, .maxReadChunk = 3});
  REQUIRE(a->write(asBytes("0123456789"), generous()).count == 10);
  Bytes buffer(64);
  std::string seen;
  for (const std::size_t expected : {3, 3, 3, 1}) {
    const IoResult result = b->read(buffer, generous());
    CHECK(result.status == IoStatus::Ok);
    CHECK(result.count == expected);
    seen += asString(ByteView(buffer).first(result.count));
  }
  CHECK(seen == "0123456789");
}

TEST_CASE("MemoryTransport read with nothing to read ends with Timeout - not before the deadline") {
  auto [a, b] = MemoryTransport::pair();
  Bytes buffer(4);
  const Deadline deadline = after(30ms);
  const IoResult result = b->read(buffer, deadline);
  CHECK(result.status == IoStatus::Timeout);
  CHECK(result.count == 0);
  CHECK(Clock::now() >= deadline);
}

TEST_CASE("MemoryTransport write with a full buffer times out with the count that fitted") {
  auto [a, b] = MemoryTransport::pair({.capacity = 4});
  const Deadline deadline = after(30ms);
  const IoResult result = a->write(asBytes("0123456789"), deadline);
  CHECK(result.status == IoStatus::Timeout);
  CHECK(result.count == 4);
  CHECK(Clock::now() >= deadline);
  CHECK(asString(readUpTo(*b, 4, generous()).bytes) == "0123");
}

TEST_CASE("MemoryTransport write blocks until the reader drains (back-pressure)") {
  auto [a, b] = MemoryTransport::pair({.capacity = 4});
  auto writer = std::async(std::launch::async,
                           [&a = *a] { return a.write(asBytes("abcdefgh"), generous()); });
  CHECK(writer.wait_for(50ms) == std::future_status::timeout);  // 4 bytes in, 4 waiting
  const Received got = readUpTo(*b, 8, generous());
  const IoResult written = writer.get();
  CHECK(written.status == IoStatus::Ok);
  CHECK(written.count == 8);
  CHECK(asString(got.bytes) == "abcdefgh");
}

TEST_CASE("MemoryTransport close: the peer reads what is buffered - then Closed - writes Closed") {
  auto [a, b] = MemoryTransport::pair();
  REQUIRE(a->write(asBytes("last"), generous()).status == IoStatus::Ok);
  REQUIRE(b->write(asBytes("lost"), generous()).status == IoStatus::Ok);
  a->close();
  const Received got = readToEnd(*b, generous());
  CHECK(asString(got.bytes) == "last");
  CHECK(got.last == IoStatus::Closed);
  CHECK(b->write(asBytes("x"), generous()).status == IoStatus::Closed);
  Bytes buffer(4);
  CHECK(a->read(buffer, generous()).status == IoStatus::Closed);  // "lost" is not read after close
  CHECK(a->write(asBytes("x"), generous()).status == IoStatus::Closed);
}

TEST_CASE("MemoryTransport close wakes a blocked reader and a blocked writer of the peer") {
  auto [a, b] = MemoryTransport::pair({.capacity = 2});
  const Deadline deadline = generous();
  auto reader = std::async(std::launch::async, [&b = *b, deadline] {
    Bytes buffer(4);
    return b.read(buffer, deadline);
  });
  auto writer = std::async(std::launch::async,
                           [&b = *b, deadline] { return b.write(asBytes("abcd"), deadline); });
  CHECK(reader.wait_for(30ms) == std::future_status::timeout);
  CHECK(writer.wait_for(1ms) == std::future_status::timeout);
  a->close();
  CHECK(reader.get().status == IoStatus::Closed);
  const IoResult written = writer.get();
  CHECK(written.status == IoStatus::Closed);
  CHECK(written.count == 2);
  CHECK(Clock::now() < deadline);
}

TEST_CASE("MemoryTransport carries 256 KiB in small chunks between two threads") {
  ATSHARP_SEED_INFO();
  auto gen = rng(202);
  const Bytes data = randomBytes(gen, 256 << 10);
  auto [a, b] = MemoryTransport::pair({.capacity = 61, .maxReadChunk = 7});
  auto received = readUpToAsync(*b, data.size(), generous());
  for (const ByteView chunk : randomChunks(gen, data, 97)) {
    REQUIRE(a->write(chunk, generous()).status == IoStatus::Ok);
  }
  const Received got = received.get();
  CHECK(got.last == IoStatus::Ok);
  CHECK(got.bytes == data);
}

TEST_CASE("MemoryTransport refuses a capacity or a chunk of 0") {
  CHECK_THROWS_WITH_AS(MemoryTransport::pair({.capacity = 0}),
                       "MemoryTransport: capacity and maxReadChunk must be at least 1", UsageError);
  CHECK_THROWS_AS(MemoryTransport::pair({.maxReadChunk = 0}), UsageError);
}

}  // namespace atsharp::test
