#pragma once
// The body AT#PUTMAIL takes (3.4), made from the caller's plain text as it streams: every line
// ended by CR LF (a line of the text may end with CR LF, LF or CR alone), a line that starts
// with '.' sent with one more in front (SMTP's dot-stuffing, which the module undoes:
// docs/spec-decisions.md #26), and the end sequence CR LF . CR LF. Sans I/O: text in, bytes
// out, in pieces of any size.

#include "atsharp/bytes.hpp"

namespace atsharp::detail {

class MailBodyEncoder {
 public:
  /// Appends to @p out the coded form of @p text, which continues what came before.
  void encode(ByteView text, Bytes& out);
  /// Appends the end: CR LF when the text's last line had no line end, then `.` CR LF.
  void finish(Bytes& out);

 private:
  bool lineStart_ = true;  // the next byte starts a line
  bool afterCr_ = false;   // the last byte was a CR: a LF right after it ends the same line
};

}  // namespace atsharp::detail
