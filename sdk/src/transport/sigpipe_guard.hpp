#pragma once
// Writing to a pipe without SIGPIPE, and without touching the process's signal dispositions
// (they belong to the host application).

#include <signal.h>

namespace atsharp::detail {

/// Blocks SIGPIPE in the calling thread for its lifetime. A write() to a pipe whose reader has
/// gone then fails with EPIPE and leaves a SIGPIPE pending for this thread instead of killing
/// the process; discardRaised() takes that signal off before the old mask comes back.
/// Only a signal raised under the guard is taken: one already pending is left for its owner.
class SigpipeGuard {
 public:
  SigpipeGuard() noexcept;
  /// Restores the thread's signal mask.
  ~SigpipeGuard();
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

  /// Call after a write under the guard failed with EPIPE.
  void discardRaised() noexcept;

 private:
  sigset_t pipeOnly_;
  sigset_t oldMask_;
  bool pendingBefore_;
};

}  // namespace atsharp::detail
