#pragma once
// The bytes of a report, back from their written forms (reports/README.md, "Bytes"), and shown
// to people: printable text as it is, every other byte as a marked piece named as the spec
// names them (<CR>, <LF>, <DLE>, <ETX>) or by its hex (<e9>), so that a CR where a CR LF
// belongs, or a stray DLE, is seen.

#include <string>
#include <string_view>
#include <vector>

#include "atsharp/bytes.hpp"

namespace atsharp::harness {

/// The bytes of a report's "hex" ("0d 0a 4f 4b"); anything that is not two hex digits is
/// skipped.
Bytes bytesFromHex(std::string_view hex);

/// The bytes of a report's escaped "text" (the inverse of escapeBytes()): `\\`, `\r`, `\n`,
/// `\t`, `\xNN`; any other backslash stands for itself.
Bytes bytesFromEscaped(std::string_view text);

/// One piece of bytes as shown: printable text, or one byte in its marked form.
struct ShownPiece {
  std::string text;      ///< the printable characters, or "<CR>", "<DLE>", "<e9>", "<3c>"
  bool marked = false;   ///< a byte shown by its name or hex, not as itself
};

/// @p bytes as pieces: runs of printable ASCII, and one marked piece for each other byte.
/// @p markAngle also marks '<' (as "<3c>"), for plain text where a '<' could be read as the
/// start of a marked byte; where marked pieces look different (HTML) it is shown as itself.
std::vector<ShownPiece> showBytes(ByteView bytes, bool markAngle);

/// The pieces as one line of plain text.
std::string shownText(ByteView bytes);

}  // namespace atsharp::harness
