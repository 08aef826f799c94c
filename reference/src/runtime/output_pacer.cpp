#include "output_pacer.hpp"

#include <algorithm>
#include <string>

#include "atsharp/error.hpp"
#include "atsharp/transport/serial_settings.hpp"

namespace atsharp::reference {
namespace {

constexpr int kBitsPerByte = 10;  // 8N1

std::chrono::nanoseconds byteTimeAt(int baud) {
  if (baud < 1 || static_cast<unsigned>(baud) > SerialSettings::kMaxBaud) {
    throw UsageError("baud rate " + std::to_string(baud) + " is out of range (expected 1 to " +
                     std::to_string(SerialSettings::kMaxBaud) + ")");
  }
  return std::chrono::nanoseconds(std::chrono::seconds(kBitsPerByte)) / baud;
}

}  // namespace

OutputPacer::OutputPacer(boost::asio::io_context& io, int baud, Sink sink,
                         std::function<void()> released)
    : timer_(io),
      sink_(std::move(sink)),
      released_(std::move(released)),
      byteTime_(byteTimeAt(baud)) {}

void OutputPacer::push(ByteView bytes) {
  const std::size_t room = kMaxQueued - queue_.size();
  const bool idle = queue_.empty() && !timerArmed_;
  queue_.insert(queue_.end(), bytes.begin(), bytes.begin() + std::min(room, bytes.size()));
  if (!idle) return;  // the timer releases them in turn
  // An idle line may start a byte at once, but earns no credit for the time it stood idle:
  // that would let a burst out faster than the line rate.
  lineClock_ = std::max(lineClock_, Clock::now() - byteTime_);
  release();
}

// Releases every byte whose slot has started by now, then waits for the next slot.
void OutputPacer::release() {
  const Clock::time_point now = Clock::now();
  const auto slots =
      static_cast<std::size_t>(std::max<Clock::rep>(0, (now - lineClock_) / byteTime_));
  const std::size_t count = std::min(slots, queue_.size());
  if (count > 0) {
    const Bytes chunk(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(count));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(count));
    lineClock_ += byteTime_ * static_cast<Clock::rep>(count);
    sink_(chunk);
    if (released_) released_();
  }
  if (!queue_.empty()) armFor(std::max(lineClock_ + byteTime_, now + kMinTick));
}

void OutputPacer::armFor(Clock::time_point when) {
  timerArmed_ = true;
  timer_.expires_at(when);
  timer_.async_wait([this](const boost::system::error_code& error) {
    timerArmed_ = false;
    if (!error) release();
  });
}

}  // namespace atsharp::reference
