#include "session/line_lexer.hpp"

#include "atsharp/catalogue/results.hpp"

namespace atsharp::harness {
namespace {

constexpr Byte kCr = '\r';
constexpr Byte kLf = '\n';

bool isNumericResult(ByteView text) {
  if (text.empty() || text.size() > 5) return false;
  int code = 0;
  for (const Byte byte : text) {
    if (byte < '0' || byte > '9') return false;
    code = code * 10 + (byte - '0');
  }
  return catalogue::findNumericResult(code).has_value();
}

}  // namespace

LexResult lexLine(ByteView data, std::size_t from, const LexRules& rules) {
  LexResult result;
  std::size_t i = from;
  while (i < data.size() && data[i] != kCr && data[i] != kLf) {
    if (i - from == kMaxLineLength) {
      result.status = LexStatus::Complete;
      result.token = LineToken{from, i, i, true};
      return result;
    }
    ++i;
  }
  if (i == data.size()) return result;  // NeedMore
  const std::size_t textEnd = i;
  if (data[i] == kLf) {
    result.status = LexStatus::Complete;
    result.token = LineToken{from, textEnd, i + 1, false};
    return result;
  }
  while (i < data.size() && data[i] == kCr) ++i;
  if (i < data.size()) {
    result.status = LexStatus::Complete;
    result.token = LineToken{from, textEnd, data[i] == kLf ? i + 1 : i, false};
    return result;
  }
  const bool oneCr = i == textEnd + 1;
  if (rules.flush ||
      (rules.numericResults && oneCr && isNumericResult(data.subspan(from, textEnd - from)))) {
    result.status = LexStatus::Complete;
    result.token = LineToken{from, textEnd, i, false};
    return result;
  }
  result.status = LexStatus::NeedMoreAfterCr;
  return result;
}

}  // namespace atsharp::harness
