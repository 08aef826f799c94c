#pragma once
/// @file
/// The one small interface every line to a module goes through: a serial port, a
/// serial-over-TCP bridge, a pseudo-terminal, or an in-memory pair in tests.

#include <chrono>
#include <cstddef>
#include <string>

#include "atsharp/bytes.hpp"

namespace atsharp {

using Clock = std::chrono::steady_clock;
/// The moment by which an operation must be done.
using Deadline = Clock::time_point;

/// A deadline @p timeout from now.
inline Deadline after(Clock::duration timeout) { return Clock::now() + timeout; }

/// How an I/O call ended. A timeout and a closed line are ordinary outcomes, told apart here
/// rather than thrown; an operating-system failure throws TransportError.
enum class IoStatus {
  Ok,       ///< at least one byte moved (read), or all of them (write)
  Timeout,  ///< the deadline passed first
  Closed,   ///< the line is closed: the peer hung up, or close() was called
};

/// The outcome of one Transport::read or Transport::write.
struct IoResult {
  IoStatus status;
  std::size_t count = 0;  ///< bytes read or written, also when the status is not Ok
};

/// A bidirectional byte line. One reader and one writer may use it from two threads at once;
/// close() may be called from any thread and wakes both.
class Transport {
 public:
  virtual ~Transport() = default;
  Transport() = default;
  Transport(const Transport&) = delete;
  Transport& operator=(const Transport&) = delete;

  /// Writes all of @p bytes, or as many as fit before the deadline.
  virtual IoResult write(ByteView bytes, Deadline deadline) = 0;

  /// Waits until at least one byte is available or the deadline passes, then reads what is
  /// there, up to @p buffer.size() bytes. Data already received is returned before Closed.
  virtual IoResult read(std::span<Byte> buffer, Deadline deadline) = 0;

  /// Closes the line. Later calls return Closed. Idempotent.
  virtual void close() = 0;

  /// What the line is, for messages and reports: "serial:/dev/ttyUSB0?baud=115200".
  virtual std::string describe() const = 0;
};

}  // namespace atsharp
