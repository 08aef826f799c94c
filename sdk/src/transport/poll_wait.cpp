#include "poll_wait.hpp"

#include <poll.h>

#include <cerrno>
#include <climits>

#include "system_error.hpp"

namespace atsharp::detail {

int pollTimeoutMs(Deadline deadline) noexcept {
  const Deadline now = Clock::now();
  if (deadline <= now) {
    return 0;
  }
  const auto remaining = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
  return remaining > INT_MAX ? INT_MAX : static_cast<int>(remaining);
}

WaitResult waitFor(int fd, short events, int wakeFd, Deadline deadline) {
  constexpr short kHangUpEvents = POLLHUP | POLLERR | POLLNVAL;
  for (;;) {
    pollfd fds[2] = {{fd, events, 0}, {wakeFd, POLLIN, 0}};
    if (::poll(fds, 2, pollTimeoutMs(deadline)) < 0) {
      if (errno == EINTR) {
        continue;
      }
      throwSystemError("poll", errno);
    }
    if (fds[1].revents != 0) {
      return {WaitOutcome::Closing};
    }
    if (fds[0].revents != 0) {
      return {WaitOutcome::Ready, (fds[0].revents & kHangUpEvents) != 0};
    }
    // poll() may wake a little early (its clock is not ours); only the deadline ends the wait.
    if (Clock::now() >= deadline) {
      return {WaitOutcome::Timeout};
    }
  }
}

}  // namespace atsharp::detail
