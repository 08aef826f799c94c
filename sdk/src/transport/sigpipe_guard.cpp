#include "sigpipe_guard.hpp"

#include <pthread.h>

#include <cerrno>
#include <ctime>

namespace atsharp::detail {

SigpipeGuard::SigpipeGuard() noexcept {
  sigemptyset(&pipeOnly_);
  sigaddset(&pipeOnly_, SIGPIPE);
  sigset_t pending;
  sigemptyset(&pending);
  sigpending(&pending);
  pendingBefore_ = sigismember(&pending, SIGPIPE) == 1;
  pthread_sigmask(SIG_BLOCK, &pipeOnly_, &oldMask_);
}

SigpipeGuard::~SigpipeGuard() { pthread_sigmask(SIG_SETMASK, &oldMask_, nullptr); }

void SigpipeGuard::discardRaised() noexcept {
  if (pendingBefore_) {
    return;
  }
  const timespec noWait{};
  while (sigtimedwait(&pipeOnly_, nullptr, &noWait) < 0 && errno == EINTR) {
  }
}

}  // namespace atsharp::detail
