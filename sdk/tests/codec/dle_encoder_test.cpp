// DleEncoder on hand-written cases: every special byte escaped, nothing else touched, and the
// end of data only from finish().

#include <doctest/doctest.h>

#include <cstddef>
#include <initializer_list>
#include <string>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_encoder.hpp"
#include "byte_text.hpp"
#include "reference_dle.hpp"

namespace atsharp::test {
namespace {

/// The escaped form of @p payload as hex, through encode().
std::string encoded(ByteView payload) {
  Bytes out;
  DleEncoder::encode(payload, out);
  return hex(out);
}

std::string encoded(std::initializer_list<Byte> payload) { return encoded(Bytes(payload)); }

static_assert(DleEncoder::maxEncodedSize(0) == 0);
static_assert(DleEncoder::maxEncodedSize(3) == 6);

TEST_CASE("DleEncoder: empty payload encodes to nothing") {
  CHECK(encoded({}) == "");
  CHECK(DleEncoder::encodeInto({}, {}) == 0);
}

TEST_CASE("DleEncoder: a single DLE or ETX is escaped with a DLE") {
  CHECK(encoded({kDle}) == "10 10");
  CHECK(encoded({kEtx}) == "10 03");
}

TEST_CASE("DleEncoder: DLE DLE and DLE ETX in the payload are each escaped") {
  CHECK(encoded({kDle, kDle}) == "10 10 10 10");
  CHECK(encoded({kDle, kEtx}) == "10 10 10 03");
  CHECK(encoded({kEtx, kDle}) == "10 03 10 10");
}

TEST_CASE("DleEncoder: other bytes pass untouched") {
  CHECK(encoded(asBytes("GET / HTTP/1.0\r\n")) == hex(asBytes("GET / HTTP/1.0\r\n")));
  CHECK(encoded({0x00, 0x02, 0x04, 0x0F, 0x11, 0x13, 0x90, 0x83, 0xFF}) ==
        "00 02 04 0f 11 13 90 83 ff");
  CHECK(encoded({'a', kDle, 'b', kEtx, 'c'}) == "61 10 10 62 10 03 63");
}

TEST_CASE("DleEncoder: a special byte at any position of a long payload") {
  // Positions on both sides of the 8- and 16-byte scan blocks, and in the short tail.
  for (std::size_t length : {15u, 16u, 17u, 40u}) {
    for (std::size_t at = 0; at < length; ++at) {
      for (Byte special : {kDle, kEtx}) {
        CAPTURE(length);
        CAPTURE(at);
        Bytes payload(length, 'x');
        payload[at] = special;
        Bytes expected = payload;
        expected.insert(expected.begin() + static_cast<std::ptrdiff_t>(at), kDle);
        CHECK(encoded(payload) == hex(expected));
      }
    }
  }
}

TEST_CASE("DleEncoder: encode() appends to what the output already holds") {
  Bytes out = toBytes("AT");
  DleEncoder::encode(Bytes{kEtx}, out);
  CHECK(hex(out) == "41 54 10 03");
}

TEST_CASE("DleEncoder: finish() appends exactly one raw ETX") {
  Bytes out;
  DleEncoder::finish(out);
  CHECK(hex(out) == "03");

  Bytes session;
  DleEncoder::encode(Bytes{'a', kEtx}, session);
  DleEncoder::finish(session);
  CHECK(hex(session) == "61 10 03 03");
}

TEST_CASE("DleEncoder: a payload split over encode() calls encodes as in one call") {
  const Bytes payload{'a', kDle, kEtx, 'b', kDle};
  Bytes split;
  DleEncoder::encode(ByteView(payload).first(2), split);  // ends on a DLE
  DleEncoder::encode(ByteView(payload).subspan(2), split);
  CHECK(hex(split) == encoded(payload));
  CHECK(hex(split) == "61 10 10 10 03 62 10 10");
}

TEST_CASE("DleEncoder: encodeInto() fits an all-special payload in maxEncodedSize() exactly") {
  // 40 bytes cross several scan blocks; the buffer has no byte to spare.
  Bytes payload(40);
  for (std::size_t i = 0; i < payload.size(); ++i) payload[i] = i % 3 == 0 ? kEtx : kDle;
  Bytes out(DleEncoder::maxEncodedSize(payload.size()));
  REQUIRE(DleEncoder::encodeInto(payload, out) == out.size());
  for (std::size_t i = 0; i < payload.size(); ++i) {
    CHECK(out[2 * i] == kDle);
    CHECK(out[2 * i + 1] == payload[i]);
  }
}

TEST_CASE("DleEncoder: encode() of a payload longer than its internal pieces") {
  // encode() works in pieces of some KiB; specials on both sides of any piece boundary.
  Bytes payload(100'000, 'z');
  for (std::size_t i = 0; i < payload.size(); i += 4093) payload[i] = kDle;
  payload.back() = kEtx;
  Bytes out;
  DleEncoder::encode(payload, out);
  CHECK(out == referenceEncode(payload));
}

}  // namespace
}  // namespace atsharp::test
