#pragma once
/// @file
/// Streaming decoder for the DLE/ETX coding of data mode (spec 4.2, 4.3, 5.1.1, 5.2, 6.2).

#include <cstddef>

#include "atsharp/bytes.hpp"

namespace atsharp {

/// Removes the DLE escapes from a data-mode stream fed in arbitrary chunks and finds the first
/// unescaped ETX, which ends data mode.
///
/// The escape state survives chunk boundaries: a DLE that is the last byte of one chunk escapes
/// the first byte of the next, so a split DLE ETX is payload, never an end of data.
///
/// A DLE followed by a byte other than DLE or ETX is not produced by a conforming encoder; the
/// decoder takes the DLE as an escape anyway and yields the byte after it (the lenient reading,
/// which never turns such a pair into an end of data). strayEscapes() counts them.
class DleDecoder {
 public:
  /// What one decode() call did.
  struct Step {
    /// Bytes of the input used, up to and including the ending ETX if there was one. The rest
    /// of the input (input.subspan(consumed)) follows data mode and belongs to the command-mode
    /// parser, untouched.
    std::size_t consumed = 0;
    /// Payload bytes written to the output.
    std::size_t produced = 0;
    /// An unescaped ETX was found; it is the byte at input[consumed - 1].
    bool ended = false;
  };

  /// Decodes @p input into @p out, stopping after the first unescaped ETX.
  /// @p out must hold at least input.size() bytes (decoding never grows the data) and must not
  /// overlap @p input. Bytes of @p out past the ones produced may be overwritten (the decoder
  /// stores whole blocks).
  /// After the end of data, further calls consume nothing until reset().
  Step decode(ByteView input, std::span<Byte> out) noexcept;

  /// True when the last byte seen was an escaping DLE whose partner has not arrived yet.
  bool escapePending() const noexcept { return escapePending_; }

  /// True once the unescaped ETX has been seen.
  bool ended() const noexcept { return ended_; }

  /// Number of DLE escapes so far that were followed by neither DLE nor ETX.
  std::size_t strayEscapes() const noexcept { return strayEscapes_; }

  /// Forgets all state, ready for the next data-mode session.
  void reset() noexcept { *this = DleDecoder{}; }

 private:
  bool escapePending_ = false;
  bool ended_ = false;
  std::size_t strayEscapes_ = 0;
};

}  // namespace atsharp
