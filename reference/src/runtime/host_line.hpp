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

  /// Queues the module's output for this tap (never blocks). A tap that talks keeps all of it
  /// (the emulator slows the module down instead, see LineHub::backlog); a silent tap loses
  /// what does not fit its bound.
  virtual void deliver(ByteView bytes) = 0;
  /// The module's output queued for this tap and not yet written to it.
  virtual std::size_t queued() const = 0;
  /// The tap's host has sent the module something: its output is a conversation.
  virtual bool talking() const = 0;
  /// Stops (true) or resumes (false) reading the tap's host: the module cannot take more now.
  virtual void pauseInput(bool paused) = 0;
  /// Ends the tap: its connection is closed and it leaves the hub. Idempotent.
  virtual void close() = 0;
  virtual bool isOpen() const = 0;
};

}  // namespace atsharp::reference
