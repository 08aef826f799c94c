#include "send_buffer.hpp"

#include <algorithm>

namespace atsharp::reference {

std::vector<Bytes> SendBuffer::add(ByteView payload) {
  std::vector<Bytes> frames;
  if (delay_.count() == 0) {
    // "A value of 0 initiates the sending ... as soon as possible": what came is sent now, cut
    // at the frame size.
    for (std::size_t at = 0; at < payload.size(); at += frame_) {
      const ByteView piece = payload.subspan(at, std::min(frame_, payload.size() - at));
      frames.emplace_back(piece.begin(), piece.end());
    }
    return frames;
  }
  const bool wasEmpty = waiting_.empty();
  std::size_t at = 0;
  if (!waiting_.empty()) {
    // Top up the frame that waits first: its bytes came earlier.
    at = std::min(frame_ - waiting_.size(), payload.size());
    waiting_.insert(waiting_.end(), payload.begin(), payload.begin() + static_cast<std::ptrdiff_t>(at));
    if (waiting_.size() == frame_) frames.push_back(flush());
  }
  for (; payload.size() - at >= frame_; at += frame_) {
    const ByteView full = payload.subspan(at, frame_);
    frames.emplace_back(full.begin(), full.end());
  }
  waiting_.insert(waiting_.end(), payload.begin() + static_cast<std::ptrdiff_t>(at), payload.end());
  if ((wasEmpty || !frames.empty()) && !waiting_.empty()) timerNeeded_ = true;
  return frames;
}

Bytes SendBuffer::flush() {
  Bytes frame;
  frame.swap(waiting_);
  return frame;
}

bool SendBuffer::armTimer() noexcept {
  const bool needed = timerNeeded_ && !waiting_.empty();
  timerNeeded_ = false;
  return needed;
}

}  // namespace atsharp::reference
