// Property tests of the DLE/ETX codec with seeded random data: whatever the payload (all 256
// byte values, dense in DLE/ETX, or text), its length, and how the encoder's input and the
// decoder's input are cut into chunks, the decoder gives back the payload, ends exactly at the
// ETX of finish() and leaves exactly the bytes after it. Each property runs through the public
// classes (SSE2 on x86-64) and through the portable SWAR fallback.

#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <random>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_encoder.hpp"
#include "byte_text.hpp"
#include "codec_variants.hpp"
#include "random.hpp"
#include "reference_dle.hpp"

namespace atsharp::test {
namespace {

std::size_t pick(std::mt19937_64& gen, std::size_t low, std::size_t high) {
  return std::uniform_int_distribution<std::size_t>(low, high)(gen);
}

enum class PayloadKind { Uniform, DenseInSpecials, Text };

/// A payload length: often next to the 8/16/32/64-byte scan and block boundaries, else short,
/// medium or a few KiB.
std::size_t randomLength(std::mt19937_64& gen) {
  static constexpr std::array<std::size_t, 7> kBoundaries{8, 16, 24, 32, 48, 64, 128};
  switch (pick(gen, 0, 3)) {
    case 0: {
      const std::size_t boundary = kBoundaries[pick(gen, 0, kBoundaries.size() - 1)];
      return boundary + pick(gen, 0, 6) - 3;
    }
    case 1: return pick(gen, 0, 40);
    case 2: return pick(gen, 0, 600);
    default: return pick(gen, 0, 5000);
  }
}

Bytes randomPayload(std::mt19937_64& gen, PayloadKind kind, std::size_t size) {
  static const Bytes kDense{kDle, kEtx, kDle, kEtx, 'a', 0x00, 0x11, 0x13};
  static const Bytes kText = [] {
    Bytes text = toBytes("\r\n\t");
    for (Byte c = 0x20; c < 0x7F; ++c) text.push_back(c);
    return text;
  }();
  switch (kind) {
    case PayloadKind::Uniform: return randomBytes(gen, size);
    case PayloadKind::DenseInSpecials: return randomBytesFrom(gen, size, kDense);
    case PayloadKind::Text: return randomBytesFrom(gen, size, kText);
  }
  return {};
}

/// A chunk size limit for the decoder's input: single bytes, odd small sizes, whole blocks and
/// the whole stream.
std::size_t randomMaxChunk(std::mt19937_64& gen, std::size_t streamSize) {
  static constexpr std::array<std::size_t, 6> kLimits{1, 2, 7, 16, 33, 200};
  const std::size_t choice = pick(gen, 0, kLimits.size());
  return choice == kLimits.size() ? streamSize : kLimits[choice];
}

/// Encodes @p payload cut at random into pieces, each in its own exactly sized buffers so that
/// AddressSanitizer sees any read or write out of bounds.
template <class Codec>
Bytes encodeInPieces(std::mt19937_64& gen, ByteView payload) {
  Bytes encoded;
  for (ByteView piece : randomChunks(gen, payload, pick(gen, 1, 100))) {
    const Bytes input(piece.begin(), piece.end());
    Bytes out(DleEncoder::maxEncodedSize(input.size()));
    const std::size_t written = Codec::encodeInto(input, out);
    REQUIRE(written <= out.size());
    encoded.insert(encoded.end(), out.begin(), out.begin() + static_cast<std::ptrdiff_t>(written));
  }
  return encoded;
}

/// What the decoder made of a whole stream.
struct Decoded {
  Bytes payload;
  bool ended = false;
  std::size_t endPosition = 0;  ///< the sum of consumed: the stream position just past the ETX
  Bytes rest;                   ///< the bytes it left unconsumed
};

/// Feeds @p chunks one by one, each copied to an exactly sized buffer, with an output of exactly
/// the chunk's size. Feeding goes on after the end: those calls must consume nothing.
template <class Codec>
Decoded decodeChunks(const std::vector<ByteView>& chunks) {
  typename Codec::Decoder decoder;
  Decoded decoded;
  for (ByteView chunk : chunks) {
    const Bytes input(chunk.begin(), chunk.end());
    Bytes out(input.size());
    const DleDecoder::Step step = decoder.decode(input, out);
    REQUIRE(step.consumed <= input.size());
    REQUIRE(step.produced <= step.consumed);
    if (decoded.ended) {
      REQUIRE(step.consumed == 0);
      REQUIRE(step.produced == 0);
    }
    decoded.payload.insert(decoded.payload.end(), out.begin(),
                           out.begin() + static_cast<std::ptrdiff_t>(step.produced));
    decoded.endPosition += step.consumed;
    if (step.ended) {
      REQUIRE_FALSE(decoded.ended);
      REQUIRE(input[step.consumed - 1] == kEtx);
      decoded.ended = true;
    } else if (!decoded.ended) {
      REQUIRE(step.consumed == input.size());  // only an end leaves bytes behind
    }
    decoded.rest.insert(decoded.rest.end(),
                        input.begin() + static_cast<std::ptrdiff_t>(step.consumed), input.end());
  }
  CHECK(decoder.ended() == decoded.ended);
  return decoded;
}

TEST_CASE_TEMPLATE("DLE codec property: encode then finish then decode in chunks gives the payload "
                   "back", Codec, PublicCodec, SwarCodec) {
  ATSHARP_SEED_INFO();
  auto gen = rng(0xD1E);
  for (int iteration = 0; iteration < 2000; ++iteration) {
    const auto kind = static_cast<PayloadKind>(iteration % 3);
    const Bytes payload = randomPayload(gen, kind, randomLength(gen));
    const Bytes trailing = randomBytes(gen, pick(gen, 0, 40));  // whatever follows data mode
    CAPTURE(iteration);
    CAPTURE(payload);

    const Bytes encoded = encodeInPieces<Codec>(gen, payload);
    REQUIRE(difference(encoded, referenceEncode(payload)) == "");

    Bytes stream = encoded;
    DleEncoder::finish(stream);
    stream.insert(stream.end(), trailing.begin(), trailing.end());
    const std::size_t maxChunk = randomMaxChunk(gen, stream.size());
    CAPTURE(maxChunk);
    const Decoded decoded = decodeChunks<Codec>(randomChunks(gen, stream, maxChunk));

    CHECK(decoded.ended);
    CHECK(difference(decoded.payload, payload) == "");
    CHECK(decoded.endPosition == encoded.size() + 1);
    CHECK(difference(decoded.rest, trailing) == "");
  }
}

TEST_CASE("DLE codec property: encode() split over random calls then finish()") {
  ATSHARP_SEED_INFO();
  auto gen = rng(0xE2C);
  for (int iteration = 0; iteration < 500; ++iteration) {
    const auto kind = static_cast<PayloadKind>(iteration % 3);
    const Bytes payload = randomPayload(gen, kind, randomLength(gen));
    CAPTURE(iteration);
    CAPTURE(payload);
    Bytes out = toBytes("AT#OTCP\r");  // encode() appends; what was there stays
    for (ByteView piece : randomChunks(gen, payload, pick(gen, 1, 300))) {
      DleEncoder::encode(piece, out);
    }
    DleEncoder::finish(out);
    Bytes expected = toBytes("AT#OTCP\r");
    const Bytes escaped = referenceEncode(payload);
    expected.insert(expected.end(), escaped.begin(), escaped.end());
    expected.push_back(kEtx);
    CHECK(difference(out, expected) == "");
  }
}

/// Random decoder input that no encoder made: DLE and ETX frequent, stray escapes included.
Bytes randomLineBytes(std::mt19937_64& gen, std::size_t size) {
  Bytes bytes = randomBytes(gen, size);
  for (Byte& b : bytes) {
    const std::size_t roll = pick(gen, 0, 99);
    if (roll < 10) {
      b = kDle;
    } else if (roll < 12) {
      b = kEtx;
    }
  }
  return bytes;
}

TEST_CASE_TEMPLATE("DLE codec property: the decoder agrees with a byte-at-a-time reference on "
                   "any input", Codec, PublicCodec, SwarCodec) {
  ATSHARP_SEED_INFO();
  auto gen = rng(0xA11);
  for (int iteration = 0; iteration < 1500; ++iteration) {
    const Bytes input = randomLineBytes(gen, randomLength(gen));
    CAPTURE(iteration);
    CAPTURE(input);
    typename Codec::Decoder decoder;
    ReferenceDecoder reference;
    for (ByteView chunk : randomChunks(gen, input, randomMaxChunk(gen, input.size()))) {
      const Bytes exact(chunk.begin(), chunk.end());
      Bytes out(exact.size());
      const DleDecoder::Step step = decoder.decode(exact, out);
      const ReferenceDecoder::Step expected = reference.decode(exact);
      out.resize(step.produced);
      REQUIRE(difference(out, expected.produced) == "");
      REQUIRE(step.consumed == expected.consumed);
      REQUIRE(step.ended == expected.ended);
      REQUIRE(decoder.escapePending() == reference.escapePending());
      REQUIRE(decoder.strayEscapes() == reference.strayEscapes());
    }
    CHECK(decoder.ended() == reference.ended());
  }
}

}  // namespace
}  // namespace atsharp::test
