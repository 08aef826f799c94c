// The end marker of a DLEMODE 0 session: ETX CR LF, then a line that ends a session.

#include "pass_through_end.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace atsharp::detail {
namespace {

constexpr std::array<std::string_view, 2> kTails{
    std::string_view("\x03\r\nOk_Info_SocketClosed\r\n"),
    std::string_view("\x03\r\n#CME ERROR: "),
};

// How many bytes from @p at match a tail: the whole tail, a partial match running to the end
// of @p bytes, or 0.
enum class Match { None, Partial, Whole };

Match matchAt(const Bytes& bytes, std::size_t at) {
  Match best = Match::None;
  for (std::string_view tail : kTails) {
    const std::size_t available = std::min(tail.size(), bytes.size() - at);
    if (!std::equal(tail.begin(), tail.begin() + available, bytes.begin() + at)) continue;
    if (available == tail.size()) return Match::Whole;
    best = Match::Partial;
  }
  return best;
}

}  // namespace

PassThroughEnd::Scan PassThroughEnd::feed(ByteView chunk) {
  held_.insert(held_.end(), chunk.begin(), chunk.end());
  Scan scan;
  std::size_t at = 0;
  for (;;) {
    const auto etx = std::find(held_.begin() + at, held_.end(), Byte{0x03});
    at = static_cast<std::size_t>(etx - held_.begin());
    if (etx == held_.end()) break;
    const Match match = matchAt(held_, at);
    if (match == Match::Whole) {
      scan.payload.assign(held_.begin(), etx);
      scan.tail = Bytes(etx + 1, held_.end());
      held_.clear();
      return scan;
    }
    if (match == Match::Partial) break;  // hold from this ETX on until more comes
    ++at;
  }
  scan.payload.assign(held_.begin(), held_.begin() + at);
  held_.erase(held_.begin(), held_.begin() + at);
  return scan;
}

Bytes PassThroughEnd::release() {
  Bytes out;
  out.swap(held_);
  return out;
}

}  // namespace atsharp::detail
