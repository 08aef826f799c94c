#pragma once
// Finding the end of a DLEMODE 0 session in its byte stream. Under DLEMODE 0 nothing in the
// stream marks the end (spec 5.1.1: "no clear indication"): the module sends ETX, then
// `Ok_Info_SocketClosed` or its `#CME ERROR`, as under DLEMODE 1, only unescaped. The scanner
// takes an ETX followed by one of those lines as the end; until it can tell, it holds back the
// bytes that could start such a tail. Payload that contains the exact tail would end the
// session early: the price of DLEMODE 0, which the spec warns of.

#include <optional>

#include "atsharp/bytes.hpp"

namespace atsharp::detail {

class PassThroughEnd {
 public:
  struct Scan {
    Bytes payload;              ///< bytes that are certainly payload
    std::optional<Bytes> tail;  ///< set at the end: the bytes after the ETX (lines again)
  };

  /// Scans @p chunk, with what was held back before it.
  Scan feed(ByteView chunk);
  /// Gives up the held-back bytes as payload (the line went quiet: they were data).
  Bytes release();
  bool holding() const noexcept { return !held_.empty(); }

 private:
  Bytes held_;
};

}  // namespace atsharp::detail
