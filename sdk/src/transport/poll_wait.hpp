#pragma once
// Waiting for one descriptor with a deadline, and for the close event beside it.

#include "atsharp/transport/transport.hpp"

namespace atsharp::detail {

/// How a wait ended.
enum class WaitOutcome {
  Ready,    ///< the descriptor has an event (what was asked for, or a hang-up or error)
  Closing,  ///< the close event fired
  Timeout,  ///< the deadline passed
};

/// The outcome, and whether poll() reported a hang-up or an error condition on the descriptor
/// (POLLHUP, POLLERR, POLLNVAL): then an I/O attempt that would block means the line is gone.
struct WaitResult {
  WaitOutcome outcome;
  bool hangUp = false;
};

/// Milliseconds from now until @p deadline for poll(), rounded up so that a wait never ends
/// before the deadline; 0 once it has passed, at most INT_MAX.
int pollTimeoutMs(Deadline deadline) noexcept;

/// Waits until @p fd has one of @p events, @p wakeFd is readable, or @p deadline passes.
/// Retries on EINTR; Timeout only once the clock says the deadline has passed. Throws
/// TransportError if poll() fails.
WaitResult waitFor(int fd, short events, int wakeFd, Deadline deadline);

}  // namespace atsharp::detail
