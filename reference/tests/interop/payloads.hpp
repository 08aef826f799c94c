#pragma once
// What the tests send through the module.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "atsharp/bytes.hpp"

namespace atsharp::test {

inline constexpr std::size_t kMiB = 1024 * 1024;

/// @p size random bytes, holding every byte value when there are 256 or more (distinct values
/// when fewer): the same on every run for one @p stream (ATSHARP_TEST_SEED changes them).
Bytes randomPayload(std::size_t size, std::uint64_t stream);

/// About @p size bytes of short numbered text lines ("line 000001 ...\r\n") without an 'a' or
/// 'A', a DLE, an ETX or a leading dot: the data a host is sending when a connection drops, which
/// must not turn into commands (no "AT") or long lines when the rest of it reaches command mode.
std::string harmlessLines(std::size_t size);

/// "" when @p actual is @p expected; otherwise the sizes and the first byte that differs (a
/// readable failure for a megabyte, where printing both would not be).
std::string difference(ByteView expected, ByteView actual);
inline std::string difference(ByteView expected, std::string_view actual) {
  return difference(expected, asBytes(actual));
}

}  // namespace atsharp::test
