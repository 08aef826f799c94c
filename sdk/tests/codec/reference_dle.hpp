#pragma once
// The DLE/ETX coding written the obvious way, one byte at a time: the oracle that the fast codec
// is checked against. Kept free of any cleverness so that it is right by inspection.

#include <cstddef>

#include "atsharp/bytes.hpp"
#include "atsharp/codec/control_characters.hpp"

namespace atsharp::test {

/// The escaped form of @p payload (without the ending ETX).
inline Bytes referenceEncode(ByteView payload) {
  Bytes out;
  for (Byte b : payload) {
    if (b == kDle || b == kEtx) out.push_back(kDle);
    out.push_back(b);
  }
  return out;
}

/// A byte-at-a-time decoder with the behaviour documented for DleDecoder.
class ReferenceDecoder {
 public:
  struct Step {
    Bytes produced;
    std::size_t consumed = 0;
    bool ended = false;
  };

  Step decode(ByteView input) {
    Step step;
    for (Byte b : input) {
      if (ended_) break;
      ++step.consumed;
      if (escapePending_) {
        escapePending_ = false;
        if (b != kDle && b != kEtx) ++strayEscapes_;
        step.produced.push_back(b);
      } else if (b == kDle) {
        escapePending_ = true;
      } else if (b == kEtx) {
        ended_ = step.ended = true;
      } else {
        step.produced.push_back(b);
      }
    }
    return step;
  }

  bool escapePending() const { return escapePending_; }
  bool ended() const { return ended_; }
  std::size_t strayEscapes() const { return strayEscapes_; }

 private:
  bool escapePending_ = false;
  bool ended_ = false;
  std::size_t strayEscapes_ = 0;
};

}  // namespace atsharp::test
