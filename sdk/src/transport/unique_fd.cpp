#include "atsharp/transport/unique_fd.hpp"

#include <unistd.h>

#include <utility>

namespace atsharp {

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    reset(other.release());
  }
  return *this;
}

int UniqueFd::release() noexcept { return std::exchange(fd_, -1); }

void UniqueFd::reset(int fd) noexcept {
  const int old = std::exchange(fd_, fd);
  if (old >= 0) {
    // Not retried on EINTR: on Linux the descriptor is released even then, and retrying could
    // close a descriptor another thread has just been given.
    ::close(old);
  }
}

}  // namespace atsharp
