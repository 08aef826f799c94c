// DleDecoder on hand-written cases: escapes removed, the first unescaped ETX ends data and what
// follows it is left to the caller, escape state kept across chunks, stray escapes.

#include <doctest/doctest.h>

#include <cstddef>
#include <initializer_list>
#include <string>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_decoder.hpp"
#include "byte_text.hpp"

namespace atsharp::test {
namespace {

/// One decode() call summed up as "<produced bytes in hex> / consumed N[, ended]".
std::string feed(DleDecoder& decoder, ByteView input) {
  Bytes out(input.size());  // exactly the size the contract asks for
  const DleDecoder::Step step = decoder.decode(input, out);
  REQUIRE(step.produced <= out.size());
  out.resize(step.produced);
  std::string text = hex(out) + " / consumed " + std::to_string(step.consumed);
  if (step.ended) {
    REQUIRE(step.consumed > 0);
    CHECK(input[step.consumed - 1] == kEtx);  // the documented place of the ending ETX
    text += ", ended";
  }
  return text;
}

std::string feed(DleDecoder& decoder, std::initializer_list<Byte> input) {
  return feed(decoder, Bytes(input));
}

std::string feed(DleDecoder& decoder, std::string_view input) {
  return feed(decoder, asBytes(input));
}

TEST_CASE("DleDecoder: empty input consumes and produces nothing") {
  DleDecoder decoder;
  CHECK(feed(decoder, {}) == " / consumed 0");
  CHECK_FALSE(decoder.ended());
  CHECK_FALSE(decoder.escapePending());
}

TEST_CASE("DleDecoder: bytes other than DLE and ETX pass untouched") {
  DleDecoder decoder;
  CHECK(feed(decoder, {0x00, 0x02, 0x11, 0x13, 0xFF}) == "00 02 11 13 ff / consumed 5");
  CHECK(feed(decoder, "GET / HTTP/1.0\r\n") ==
        "47 45 54 20 2f 20 48 54 54 50 2f 31 2e 30 0d 0a / consumed 16");
}

TEST_CASE("DleDecoder: a single ETX ends data") {
  DleDecoder decoder;
  CHECK(feed(decoder, {kEtx}) == " / consumed 1, ended");
  CHECK(decoder.ended());
}

TEST_CASE("DleDecoder: DLE DLE is a DLE and DLE ETX is an ETX of the payload") {
  DleDecoder decoder;
  CHECK(feed(decoder, {kDle, kDle}) == "10 / consumed 2");
  CHECK(feed(decoder, {kDle, kEtx}) == "03 / consumed 2");
  CHECK(feed(decoder, {'a', kDle, kDle, 'b', kDle, kEtx, 'c'}) == "61 10 62 03 63 / consumed 7");
  CHECK_FALSE(decoder.ended());
}

TEST_CASE("DleDecoder: a single DLE waits for the byte it escapes") {
  DleDecoder decoder;
  CHECK(feed(decoder, {kDle}) == " / consumed 1");
  CHECK(decoder.escapePending());
  CHECK(feed(decoder, {}) == " / consumed 0");  // an empty chunk keeps the escape pending
  CHECK(decoder.escapePending());
  CHECK(feed(decoder, {kDle}) == "10 / consumed 1");
  CHECK_FALSE(decoder.escapePending());
}

TEST_CASE("DleDecoder: a DLE ending one chunk and an ETX starting the next are payload") {
  DleDecoder decoder;
  CHECK(feed(decoder, {'a', kDle}) == "61 / consumed 2");
  CHECK(feed(decoder, {kEtx, 'b'}) == "03 62 / consumed 2");
  CHECK_FALSE(decoder.ended());
  CHECK(feed(decoder, {kEtx}) == " / consumed 1, ended");
}

TEST_CASE("DleDecoder: the bytes after the ending ETX are left unconsumed") {
  DleDecoder decoder;
  CHECK(feed(decoder, "ab\x03\r\nOK\r\n") == "61 62 / consumed 3, ended");
  DleDecoder another;
  CHECK(feed(another, {'x', kEtx, kEtx, kDle}) == "78 / consumed 2, ended");  // first ETX only
}

TEST_CASE("DleDecoder: the ending ETX at any position of a long chunk") {
  // Positions on both sides of the 8- and 16-byte scan blocks, and in the short tail.
  for (std::size_t at = 0; at < 40; ++at) {
    CAPTURE(at);
    Bytes input(40, 'x');
    input[at] = kEtx;
    DleDecoder decoder;
    CHECK(feed(decoder, input) ==
          hex(Bytes(at, 'x')) + " / consumed " + std::to_string(at + 1) + ", ended");
  }
}

TEST_CASE("DleDecoder: an escaped ETX straddling a scan block is payload") {
  for (std::size_t at = 0; at + 1 < 40; ++at) {
    CAPTURE(at);
    Bytes input(40, 'x');
    input[at] = kDle;
    input[at + 1] = kEtx;
    Bytes expected(39, 'x');
    expected[at] = kEtx;
    DleDecoder decoder;
    CHECK(feed(decoder, input) == hex(expected) + " / consumed 40");
  }
}

TEST_CASE("DleDecoder: after the end decode() consumes nothing until reset()") {
  DleDecoder decoder;
  CHECK(feed(decoder, {'a', kEtx}) == "61 / consumed 2, ended");
  CHECK(feed(decoder, {'b', 'c'}) == " / consumed 0");
  CHECK(feed(decoder, {kEtx}) == " / consumed 0");
  CHECK(decoder.ended());

  decoder.reset();
  CHECK_FALSE(decoder.ended());
  CHECK(feed(decoder, {'b', kEtx}) == "62 / consumed 2, ended");
}

TEST_CASE("DleDecoder: reset() forgets a pending escape and the stray count") {
  DleDecoder decoder;
  CHECK(feed(decoder, {kDle, 'q', kDle}) == "71 / consumed 3");
  CHECK(decoder.strayEscapes() == 1);
  CHECK(decoder.escapePending());

  decoder.reset();
  CHECK_FALSE(decoder.escapePending());
  CHECK(decoder.strayEscapes() == 0);
  // Without the escape the ETX is an end again.
  CHECK(feed(decoder, {kEtx}) == " / consumed 1, ended");
}

TEST_CASE("DleDecoder: a stray escape yields the byte after the DLE and is counted") {
  DleDecoder decoder;
  CHECK(feed(decoder, {kDle, 'A'}) == "41 / consumed 2");
  CHECK(decoder.strayEscapes() == 1);
  CHECK(feed(decoder, {kDle, 0x00, 'b', kDle, 0xFF}) == "00 62 ff / consumed 5");
  CHECK(decoder.strayEscapes() == 3);
  // Across a chunk boundary too.
  CHECK(feed(decoder, {kDle}) == " / consumed 1");
  CHECK(feed(decoder, {0x02}) == "02 / consumed 1");
  CHECK(decoder.strayEscapes() == 4);
  // Proper escapes are not counted.
  CHECK(feed(decoder, {kDle, kDle, kDle, kEtx}) == "10 03 / consumed 4");
  CHECK(decoder.strayEscapes() == 4);
  CHECK_FALSE(decoder.ended());
}

TEST_CASE("DleDecoder: a stray escape never makes an end but the next unescaped ETX does") {
  DleDecoder decoder;
  CHECK(feed(decoder, {kDle, 'x', kEtx, 'y'}) == "78 / consumed 3, ended");
  CHECK(decoder.strayEscapes() == 1);
}

}  // namespace
}  // namespace atsharp::test
