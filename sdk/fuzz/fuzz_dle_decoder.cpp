// Differential fuzzing of the DLE decoder: the fast decoder, fed the input in chunks whose sizes
// the input chooses, must agree byte for byte with a one-byte-at-a-time reading of the spec's
// rule, on the payload, the position of the ending ETX and the escape state; and re-encoding the
// payload must decode back to it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_decoder.hpp"
#include "atsharp/codec/dle_encoder.hpp"

namespace {

using atsharp::Byte;
using atsharp::ByteView;
using atsharp::Bytes;

struct Reading {
  Bytes payload;
  std::size_t etxAt = 0;  // bytes used up to and including the ending ETX; 0 = no end
  bool escapePending = false;
};

// The rule, one byte at a time: DLE takes the next byte literally; an unescaped ETX ends.
Reading readByteByByte(ByteView input) {
  Reading reading;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const Byte b = input[i];
    if (reading.escapePending) {
      reading.payload.push_back(b);
      reading.escapePending = false;
    } else if (b == atsharp::kDle) {
      reading.escapePending = true;
    } else if (b == atsharp::kEtx) {
      reading.etxAt = i + 1;
      return reading;
    } else {
      reading.payload.push_back(b);
    }
  }
  return reading;
}

Reading readInChunks(ByteView input, std::size_t chunk) {
  atsharp::DleDecoder decoder;
  Reading reading;
  std::size_t offset = 0;
  while (offset < input.size() && !decoder.ended()) {
    const ByteView piece = input.subspan(offset, std::min(chunk, input.size() - offset));
    Bytes out(piece.size());
    const auto step = decoder.decode(piece, out);
    if (step.produced > step.consumed || step.consumed > piece.size()) std::abort();
    reading.payload.insert(reading.payload.end(), out.begin(), out.begin() + step.produced);
    offset += step.consumed;
    if (step.ended) reading.etxAt = offset;
    if (!step.ended && step.consumed != piece.size()) std::abort();
  }
  reading.escapePending = decoder.escapePending();
  return reading;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t chunk = 1 + data[0] % 64;
  const ByteView input{data + 1, size - 1};

  const Reading expected = readByteByByte(input);
  const Reading actual = readInChunks(input, chunk);
  if (actual.payload != expected.payload || actual.etxAt != expected.etxAt ||
      (expected.etxAt == 0 && actual.escapePending != expected.escapePending)) {
    std::abort();
  }

  Bytes coded;
  atsharp::DleEncoder::encode(expected.payload, coded);
  atsharp::DleEncoder::finish(coded);
  const Reading again = readInChunks(coded, chunk);
  if (again.payload != expected.payload || again.etxAt != coded.size()) std::abort();
  return 0;
}
