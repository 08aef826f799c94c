// The scanners that find the clean runs, checked against each other and against the obvious
// answer: the SSE2 path that the codec uses on x86-64 and the portable SWAR fallback.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <random>

#include "atsharp/codec/control_characters.hpp"
#include "byte_text.hpp"
#include "dle_scan.hpp"
#include "random.hpp"

namespace atsharp::test {
namespace {

using detail::NativeScan;
using detail::SwarScan;

/// The index of the first DLE or ETX of @p bytes, or its size if there is none.
std::size_t firstSpecial(ByteView bytes) {
  return static_cast<std::size_t>(
      std::ranges::find_if(bytes, [](Byte b) { return b == kDle || b == kEtx; }) - bytes.begin());
}

/// What a scanner says of one block: the index of its first DLE or ETX, or the block size.
template <class Scan>
std::size_t scanBlock(const Byte* in, Byte* out) {
  const typename Scan::Mask mask = Scan::copyBlock(in, out);
  return mask == 0 ? Scan::kBlockSize : Scan::firstSpecial(mask);
}

TEST_CASE_TEMPLATE("Dle scan: copyBlock() finds one byte of any value at any position", Scan,
                   SwarScan, NativeScan) {
  constexpr std::size_t kSize = Scan::kBlockSize;
  for (std::size_t at = 0; at < kSize; ++at) {
    for (int value = 0; value < 256; ++value) {
      CAPTURE(at);
      CAPTURE(value);
      Bytes block(kSize, 'a');
      block[at] = static_cast<Byte>(value);
      Bytes out(kSize);
      const std::size_t clean = scanBlock<Scan>(block.data(), out.data());
      CHECK(clean == firstSpecial(block));
      CHECK(out == block);  // the whole block is stored, whatever its prefix
    }
  }
}

TEST_CASE_TEMPLATE("Dle scan: copyBlock() is exact for every pair of adjacent bytes", Scan,
                   SwarScan, NativeScan) {
  // A zero-byte test with a borrow between bytes would flag the byte after a match too; with
  // the match first in memory that only shows on one byte order, so try every pair everywhere.
  constexpr std::size_t kSize = Scan::kBlockSize;
  std::size_t mismatches = 0;
  Bytes block(kSize, 0xFF);
  Bytes out(kSize);
  for (std::size_t at = 0; at + 1 < kSize; ++at) {
    for (int first = 0; first < 256; ++first) {
      for (int second = 0; second < 256; ++second) {
        std::ranges::fill(block, 0xFF);
        block[at] = static_cast<Byte>(first);
        block[at + 1] = static_cast<Byte>(second);
        if (scanBlock<Scan>(block.data(), out.data()) != firstSpecial(block)) ++mismatches;
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("Dle scan: the SWAR and SSE2 paths copy the same clean runs of random input") {
  ATSHARP_SEED_INFO();
  auto gen = rng(0x5CA9);
  const Bytes dense{kDle, kEtx, 'a', 0x00, 0x11, 0x13, 0xFF};
  std::uniform_int_distribution<std::size_t> length(0, 100);
  for (int iteration = 0; iteration < 3000; ++iteration) {
    CAPTURE(iteration);
    // Mostly-clean input (uniform bytes) and input dense in specials.
    const std::size_t size = length(gen);
    const Bytes input = iteration % 2 == 0 ? randomBytes(gen, size)
                                           : randomBytesFrom(gen, size, dense);
    CAPTURE(hex(input));
    Bytes swarOut(input.size());  // exact sizes, so that ASan sees any overrun
    Bytes nativeOut(input.size());
    const std::size_t swar =
        detail::copyCleanRun<SwarScan>(input.data(), input.size(), swarOut.data());
    const std::size_t native =
        detail::copyCleanRun<NativeScan>(input.data(), input.size(), nativeOut.data());
    const std::size_t expected = firstSpecial(input);
    REQUIRE(swar == expected);
    REQUIRE(native == expected);
    CHECK(std::equal(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(expected),
                     swarOut.begin()));
    CHECK(std::equal(input.begin(), input.begin() + static_cast<std::ptrdiff_t>(expected),
                     nativeOut.begin()));
  }
}

}  // namespace
}  // namespace atsharp::test
