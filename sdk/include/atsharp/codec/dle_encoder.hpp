#pragma once
/// @file
/// Streaming encoder for the DLE/ETX coding of data mode (spec 4.2, 4.3, 5.1.1, 5.2, 6.2).

#include <cstddef>

#include "atsharp/bytes.hpp"

namespace atsharp {

/// Escapes payload for data mode: every DLE becomes DLE DLE and every ETX becomes DLE ETX, so
/// that the only unescaped ETX on the line is the one that ends data mode (finish()).
///
/// Encoding has no state across calls: any split of the payload over encode() calls gives the
/// same bytes as one call. It is sans-I/O: bytes in, bytes out.
class DleEncoder {
 public:
  /// The largest output encode() can produce for @p payloadSize bytes (every byte escaped).
  static constexpr std::size_t maxEncodedSize(std::size_t payloadSize) noexcept {
    return 2 * payloadSize;
  }

  /// Writes the escaped form of @p payload to @p out and returns how many bytes it wrote.
  /// @p out must hold at least maxEncodedSize(payload.size()) bytes and must not overlap
  /// @p payload. Bytes of @p out past the ones written may be overwritten (the encoder stores
  /// whole blocks).
  static std::size_t encodeInto(ByteView payload, std::span<Byte> out) noexcept;

  /// Appends the escaped form of @p payload to @p out.
  static void encode(ByteView payload, Bytes& out);

  /// Appends the unescaped ETX that ends data mode.
  static void finish(Bytes& out);
};

}  // namespace atsharp
