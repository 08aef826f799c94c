// Line ends made CR LF, leading dots doubled, and the end sequence.

#include "mail_body_encoder.hpp"

namespace atsharp::detail {

void MailBodyEncoder::encode(ByteView text, Bytes& out) {
  out.reserve(out.size() + text.size() + text.size() / 16);
  for (const Byte b : text) {
    const bool lfOfCrLf = afterCr_ && b == '\n';
    afterCr_ = b == '\r';
    if (lfOfCrLf) continue;  // sent with its CR
    if (b == '\r' || b == '\n') {
      out.push_back('\r');
      out.push_back('\n');
      lineStart_ = true;
      continue;
    }
    if (lineStart_ && b == '.') out.push_back('.');
    out.push_back(b);
    lineStart_ = false;
  }
}

void MailBodyEncoder::finish(Bytes& out) {
  if (!lineStart_) {
    out.push_back('\r');
    out.push_back('\n');
  }
  out.push_back('.');
  out.push_back('\r');
  out.push_back('\n');
  lineStart_ = true;
  afterCr_ = false;
}

}  // namespace atsharp::detail
