// The end of a DLEMODE 0 session found in the byte stream, whatever the chunking.

#include <doctest/doctest.h>

#include "pass_through_end.hpp"
#include "random.hpp"

namespace atsharp::test {
namespace {

using detail::PassThroughEnd;

struct Outcome {
  Bytes payload;
  std::optional<Bytes> tail;
};

Outcome scanInChunks(const Bytes& stream, std::mt19937_64& gen, std::size_t maxChunk) {
  PassThroughEnd end;
  Outcome outcome;
  for (ByteView chunk : randomChunks(gen, stream, maxChunk)) {
    if (outcome.tail) {
      outcome.tail->insert(outcome.tail->end(), chunk.begin(), chunk.end());
      continue;
    }
    PassThroughEnd::Scan scan = end.feed(chunk);
    outcome.payload.insert(outcome.payload.end(), scan.payload.begin(), scan.payload.end());
    outcome.tail = std::move(scan.tail);
  }
  if (!outcome.tail) {
    const Bytes held = end.release();
    outcome.payload.insert(outcome.payload.end(), held.begin(), held.end());
  }
  return outcome;
}

}  // namespace

TEST_CASE("random payload then the module's close lines: exact payload and tail at any chunking") {
  ATSHARP_SEED_INFO();
  auto gen = rng(61);
  const std::string closing = "\x03\r\nOk_Info_SocketClosed\r\n\r\nOK\r\n";
  const std::string failing = "\x03\r\n#CME ERROR: 37966\r\n";
  for (int round = 0; round < 300; ++round) {
    Bytes payload = randomBytesFrom(gen, gen() % 300, asBytes("\x03\r\nOk_Info#CME ERROR: ab"));
    const std::string& end = round % 2 == 0 ? closing : failing;
    Bytes stream = payload;
    stream.insert(stream.end(), end.begin(), end.end());
    const Outcome outcome = scanInChunks(stream, gen, 1 + gen() % 40);
    CHECK(outcome.payload == payload);
    REQUIRE(outcome.tail);
    CHECK(*outcome.tail == toBytes(end.substr(1)));
  }
}

TEST_CASE("payload without the end: all of it comes out - a held ETX is released") {
  ATSHARP_SEED_INFO();
  auto gen = rng(62);
  for (int round = 0; round < 300; ++round) {
    const Bytes payload = randomBytesFrom(gen, gen() % 300, asBytes("\x03\r\nOk_Info#C"));
    const Outcome outcome = scanInChunks(payload, gen, 1 + gen() % 40);
    CHECK(outcome.payload == payload);
    CHECK_FALSE(outcome.tail);
  }
}

TEST_CASE("an ETX that starts a tail is held until the tail can be told") {
  PassThroughEnd end;
  CHECK(end.feed(asBytes("ab\x03\r")).payload == toBytes("ab"));
  CHECK(end.holding());
  const PassThroughEnd::Scan scan = end.feed(asBytes("\nX"));
  CHECK(scan.payload == toBytes("\x03\r\nX"));
  CHECK_FALSE(scan.tail);
  CHECK_FALSE(end.holding());
}

}  // namespace atsharp::test
