#pragma once
// Pacing of the module's output like a UART's transmitter: at N baud and 10 bits a byte (8N1:
// a start bit, 8 data bits, a stop bit), bytes leave no faster than N/10 a second. A host that
// expects a slow serial line (and its timing) sees one, also on a pty or a socket.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>

#include "atsharp/bytes.hpp"

namespace atsharp::reference {

class OutputPacer {
 public:
  using Sink = std::function<void(ByteView)>;
  using Clock = std::chrono::steady_clock;

  /// Bytes waiting for the line at most. The emulator stops reading the network long before
  /// (queued() counts in its backlog), so that data mode loses nothing on a slow line; the
  /// bound only keeps memory finite should that fail.
  static constexpr std::size_t kMaxQueued = 16 * 1024 * 1024;
  /// The shortest wait between two releases: at high rates bytes leave in small bursts rather
  /// than on a timer per byte, still never ahead of the line rate.
  static constexpr std::chrono::milliseconds kMinTick{1};

  /// Paces at @p baud (1 to 4000000; UsageError otherwise) into @p sink; @p released is called
  /// after bytes left (the backlog shrank).
  OutputPacer(boost::asio::io_context& io, int baud, Sink sink,
              std::function<void()> released = {});

  /// Queues @p bytes for the line.
  void push(ByteView bytes);

  /// Bytes waiting for the line.
  std::size_t queued() const noexcept { return queue_.size(); }

  /// How long one byte takes on the line.
  Clock::duration byteTime() const noexcept { return byteTime_; }

 private:
  void release();
  void armFor(Clock::time_point when);

  boost::asio::steady_timer timer_;
  Sink sink_;
  std::function<void()> released_;
  Clock::duration byteTime_;
  /// When the last byte released has left the line (its slot ends); a new byte may start then.
  Clock::time_point lineClock_;
  std::deque<Byte> queue_;
  bool timerArmed_ = false;
};

}  // namespace atsharp::reference
