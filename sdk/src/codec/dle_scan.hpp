#pragma once
/// @file
/// Internal to the DLE/ETX codec: finding the runs of payload bytes that need no escaping and
/// copying them in bulk, and the encode/decode loops built on that, parameterised by the scanner
/// so that the tests can run the portable fallback as well as the SIMD path.
///
/// In real data the special bytes (DLE, ETX) are rare: absent from text, 2 in 256 in random
/// bytes. Both directions of the codec are therefore "handle the special bytes here, copy the
/// clean run that follows, repeat", and their speed is the speed of copying clean runs.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "atsharp/bytes.hpp"
#include "atsharp/codec/control_characters.hpp"
#include "atsharp/codec/dle_decoder.hpp"

namespace atsharp::detail {

/// True for the two bytes that the coding escapes.
constexpr bool isDleSpecial(Byte byte) noexcept { return byte == kDle || byte == kEtx; }

// A scanner handles one fixed-size block of kBlockSize bytes:
// - `copyBlock(in, out)` stores the whole block of `in` to `out` unconditionally (a store of a
//   whole block is cheaper than a copy of a variable length, and only the clean prefix of it is
//   kept) and returns a mask that is zero when the block holds neither DLE nor ETX;
// - `firstSpecial(mask)`, for a non-zero mask, is the index of the block's first DLE or ETX.
// They are apart so that the loop over clean blocks advances by a constant: an advance computed
// from each block's mask chains every load to the previous block's comparison, and that loop,
// latency-bound, copied text at about a third of the speed of this one when measured.

/// Portable fallback: eight bytes at a time in a 64-bit word (SWAR).
struct SwarScan {
  static constexpr std::size_t kBlockSize = 8;

  using Mask = std::uint64_t;

  /// The mask has the top bit of each DLE or ETX byte set.
  static Mask copyBlock(const Byte* in, Byte* out) noexcept {
    std::uint64_t word = 0;
    std::memcpy(&word, in, sizeof word);  // memcpy: the block need not be aligned
    std::memcpy(out, &word, sizeof word);
    return zeroByteFlags(word ^ repeated(kDle)) | zeroByteFlags(word ^ repeated(kEtx));
  }

  static std::size_t firstSpecial(Mask mask) noexcept {
    static_assert(std::endian::native == std::endian::little ||
                  std::endian::native == std::endian::big);
    // The first byte in memory is the least significant one on a little-endian machine.
    const int bit = std::endian::native == std::endian::little ? std::countr_zero(mask)
                                                               : std::countl_zero(mask);
    return static_cast<std::size_t>(bit) / 8;
  }

 private:
  static constexpr std::uint64_t repeated(Byte byte) noexcept {
    return 0x0101010101010101u * byte;
  }

  /// Sets the top bit of every byte of @p word that is zero, and no other bit. The usual
  /// (x - 0x01..) & ~x trick also flags some bytes above a zero byte through the borrow; this
  /// form has no carry between bytes, so every flag is exact whatever the byte order.
  static constexpr std::uint64_t zeroByteFlags(std::uint64_t word) noexcept {
    constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Fu;
    // Per byte: (low 7 bits + 0x7F) has bit 7 set iff the low 7 bits are not all zero.
    return ~(((word & kLow7) + kLow7) | word | kLow7);
  }
};

#if defined(__SSE2__)
/// x86-64 baseline: sixteen bytes at a time with SSE2.
struct Sse2Scan {
  static constexpr std::size_t kBlockSize = 16;

  using Mask = unsigned;

  /// The mask has bit i set when byte i is a DLE or ETX.
  static Mask copyBlock(const Byte* in, Byte* out) noexcept {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), block);
    const __m128i special =
        _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(kDle))),
                     _mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(kEtx))));
    return static_cast<Mask>(_mm_movemask_epi8(special));
  }

  static std::size_t firstSpecial(Mask mask) noexcept {
    return static_cast<std::size_t>(std::countr_zero(mask));
  }
};

/// The scanner the codec uses.
using NativeScan = Sse2Scan;
#else
using NativeScan = SwarScan;
#endif

/// Copies the bytes of in[0, size) that come before the first DLE or ETX to @p out and returns
/// how many there are (@p size if there is no special byte). @p out must hold @p size bytes;
/// it may be written past the returned count.
template <class Scan>
std::size_t copyCleanRun(const Byte* in, std::size_t size, Byte* out) noexcept {
  std::size_t done = 0;
  while (size - done >= Scan::kBlockSize) {
    const typename Scan::Mask mask = Scan::copyBlock(in + done, out + done);
    if (mask != 0) {
      return done + Scan::firstSpecial(mask);
    }
    done += Scan::kBlockSize;
  }
  // The tail, shorter than a block: a load of a whole block would read past the input.
  while (done < size && !isDleSpecial(in[done])) {
    out[done] = in[done];
    ++done;
  }
  return done;
}

/// DleEncoder::encodeInto() with a given scanner. Defined in dle_encoder.cpp for SwarScan and
/// NativeScan.
template <class Scan>
std::size_t encodeWith(ByteView payload, std::span<Byte> out) noexcept;

/// What DleDecoder remembers between calls, apart from the class so that the decode loop can
/// be instantiated for each scanner.
struct DleDecodeState {
  bool escapePending = false;
  bool ended = false;
  std::size_t strayEscapes = 0;
};

/// DleDecoder::decode() with a given scanner. Defined in dle_decoder.cpp for SwarScan and
/// NativeScan.
template <class Scan>
DleDecoder::Step decodeWith(DleDecodeState& state, ByteView input, std::span<Byte> out) noexcept;

extern template std::size_t encodeWith<SwarScan>(ByteView, std::span<Byte>) noexcept;
extern template DleDecoder::Step decodeWith<SwarScan>(DleDecodeState&, ByteView,
                                                      std::span<Byte>) noexcept;
#if defined(__SSE2__)
extern template std::size_t encodeWith<Sse2Scan>(ByteView, std::span<Byte>) noexcept;
extern template DleDecoder::Step decodeWith<Sse2Scan>(DleDecodeState&, ByteView,
                                                      std::span<Byte>) noexcept;
#endif

}  // namespace atsharp::detail
