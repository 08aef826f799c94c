#pragma once
// What lets close() from one thread stop the reader and the writer of another safely.

#include <condition_variable>
#include <mutex>

#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::detail {

/// Counts the operations inside a line and turns new ones away once closing has begun.
///
/// close() makes wakeFd() readable (an eventfd, watched by every poll() of the line, so that a
/// blocked reader or writer returns at once), then waits until no operation is inside. Only
/// then may the line's descriptors be closed: closing a descriptor another thread still polls
/// could let the number be reused for an unrelated file under its feet.
class CloseGate {
 public:
  /// Throws TransportError if the eventfd cannot be made.
  CloseGate();

  /// Lets an operation in and returns true, or returns false once closing has begun.
  bool enter();
  /// Marks the end of an operation that enter() let in.
  void leave();

  /// Begins closing, wakes every waiter and waits until the operations inside have left.
  /// Returns true to the first caller only, which then owns the release of the line.
  bool close();

  /// Readable once closing has begun.
  int wakeFd() const noexcept { return wake_.get(); }

 private:
  std::mutex mutex_;
  std::condition_variable idle_;
  int inside_ = 0;
  bool closing_ = false;
  UniqueFd wake_;
};

/// One operation's stay inside a CloseGate: enters on construction, leaves on destruction.
class GatePass {
 public:
  explicit GatePass(CloseGate& gate) : gate_(gate), admitted_(gate.enter()) {}
  ~GatePass() {
    if (admitted_) {
      gate_.leave();
    }
  }
  GatePass(const GatePass&) = delete;
  GatePass& operator=(const GatePass&) = delete;

  /// False when the gate was already closing: the operation must return Closed.
  bool admitted() const noexcept { return admitted_; }

 private:
  CloseGate& gate_;
  bool admitted_;
};

}  // namespace atsharp::detail
