#pragma once
// One tap on the module's serial line: the pty, a TCP client, an in-process socket pair. The
// module has one line; every tap sends its input to it and receives all of its output, as
// several terminals clipped onto the same pair of wires would.

#include "atsharp/bytes.hpp"

namespace atsharp::reference {

class HostLine {
 public:
  virtual ~HostLine() = default;
  HostLine() = default;
  HostLine(const HostLine&) = delete;
  HostLine& operator=(const HostLine&) = delete;

  /// Queues the module's output for this tap (never blocks; what does not fit is dropped).
  virtual void deliver(ByteView bytes) = 0;
  /// Ends the tap: its connection is closed and it leaves the hub. Idempotent.
  virtual void close() = 0;
  virtual bool isOpen() const = 0;
};

}  // namespace atsharp::reference
