#pragma once
// Cuts the module's command-mode output into lines, keeping each line's exact ending, so that
// the framing can be checked instead of forgiven. Sans-I/O: bytes in, tokens out.
//
// A token is the text up to the first CR or LF, then its ending: a run of CRs followed by an
// LF, a lone LF, or a run of CRs followed by something else. "OK\r\n", "OK\n", "OK\r\r\n" and
// "OK\r" are all the line "OK" with a different ending; a blank line is a token with empty
// text. An ending of CRs alone is only known once the next byte came (or a grace period
// passed: the caller's decision, see Flush).

#include <cstddef>

#include "atsharp/bytes.hpp"

namespace atsharp::harness {

/// Longest line text the harness takes; a longer one is cut there and reported as overlong.
inline constexpr std::size_t kMaxLineLength = 16 * 1024;

struct LineToken {
  std::size_t begin = 0;    ///< offset of the text
  std::size_t textEnd = 0;  ///< offset of the ending
  std::size_t end = 0;      ///< offset after the ending
  bool overlong = false;    ///< the text was cut at kMaxLineLength (no ending consumed)
};

enum class LexStatus {
  Complete,       ///< a token
  NeedMore,       ///< the line is not ended yet
  NeedMoreAfterCr ///< the text ended with CRs and nothing followed yet: an LF may still come
};

struct LexResult {
  LexStatus status = LexStatus::NeedMore;
  LineToken token;
};

struct LexRules {
  /// ATV0: a numeric result code ("0", "4", "1028") ends at its CR, with no LF to wait for.
  bool numericResults = false;
  /// End a line that ends with CRs at the end of the input (the grace period passed, or the
  /// line closed).
  bool flush = false;
};

/// The token starting at @p from in @p data.
LexResult lexLine(ByteView data, std::size_t from, const LexRules& rules);

}  // namespace atsharp::harness
