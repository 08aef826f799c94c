#include "close_gate.hpp"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

#include "system_error.hpp"

namespace atsharp::detail {

CloseGate::CloseGate() : wake_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (!wake_) {
    throwSystemError("cannot create the close event (eventfd)", errno);
  }
}

bool CloseGate::enter() {
  const std::lock_guard lock(mutex_);
  if (closing_) {
    return false;
  }
  ++inside_;
  return true;
}

void CloseGate::leave() {
  const std::lock_guard lock(mutex_);
  if (--inside_ == 0) {
    idle_.notify_all();
  }
}

bool CloseGate::close() {
  std::unique_lock lock(mutex_);
  const bool first = !closing_;
  if (first) {
    closing_ = true;
    // The counter is never read back, so it stays readable for good: every later poll() of
    // the line returns at once as well.
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = ::write(wake_.get(), &one, sizeof one);
  }
  idle_.wait(lock, [this] { return inside_ == 0; });
  return first;
}

}  // namespace atsharp::detail
