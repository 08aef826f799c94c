#pragma once
// How bytes are written in reports and messages: what the module sends is bytes, not text, and
// a report must show every byte exactly (a CR that should have been a CR LF, a stray DLE).

#include <cstddef>
#include <string>
#include <string_view>

#include "atsharp/bytes.hpp"

namespace atsharp::harness {

/// @p bytes as printable ASCII: printable characters as they are, a backslash as `\\`, CR, LF
/// and TAB as `\r`, `\n`, `\t`, every other byte as `\xNN` (lower-case hex). The form is
/// reversible and always valid UTF-8 (and JSON- and XML-safe once quoted).
std::string escapeBytes(ByteView bytes);

/// A message for people (a step's summary, a failure message): kept as it is where it is valid
/// UTF-8, with control characters other than LF and TAB escaped as in escapeBytes(); a text
/// that is not valid UTF-8 is escaped whole.
std::string readableText(std::string_view text);

/// @p bytes in hex, two lower-case digits a byte, separated by spaces: "0d 0a 4f 4b".
std::string hexBytes(ByteView bytes);

}  // namespace atsharp::harness
