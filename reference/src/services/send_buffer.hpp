#pragma once
// TCPTXDELAY and UDPTXDELAY (5.1.4, 6.1.3): the host's bytes wait up to the delay to fill a
// frame; a full frame leaves at once, and a delay of 0 sends every byte as soon as it came.

#include <cstddef>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/reference/module_time.hpp"

namespace atsharp::reference {

class SendBuffer {
 public:
  /// @p frame: the most one frame holds (a TCP segment, a UDP datagram).
  SendBuffer(std::size_t frame, ModuleTime delay) : frame_(frame), delay_(delay) {}

  /// Takes payload; returns the frames to send now. When bytes stay behind, the caller arms
  /// the delay timer if armTimer() says so.
  std::vector<Bytes> add(ByteView payload);

  /// The delay ran out: what waits leaves as one frame (nothing when empty).
  Bytes flush();

  /// True once after bytes started waiting: the delay timer must start now.
  bool armTimer() noexcept;

  bool empty() const noexcept { return waiting_.empty(); }
  ModuleTime delay() const noexcept { return delay_; }

 private:
  std::size_t frame_;
  ModuleTime delay_;
  Bytes waiting_;
  bool timerNeeded_ = false;
};

}  // namespace atsharp::reference
