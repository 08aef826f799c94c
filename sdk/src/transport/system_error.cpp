#include "system_error.hpp"

#include <cerrno>
#include <cstring>

#include "atsharp/error.hpp"

namespace atsharp::detail {

std::string errorText(int error) {
  char buffer[256];
  // The GNU strerror_r (libstdc++ builds with _GNU_SOURCE): thread-safe, returns the text,
  // which may or may not be in the buffer.
  return ::strerror_r(error, buffer, sizeof buffer);
}

void throwSystemError(const std::string& what, int error) {
  throw TransportError(what + ": " + errorText(error));
}

bool isHangUp(int error) noexcept {
  switch (error) {
    case EIO:
    case ENXIO:
    case ENODEV:
    case ECONNRESET:
    case ECONNABORTED:
    case EPIPE:
    case ENOTCONN:
      return true;
    default:
      return false;
  }
}

}  // namespace atsharp::detail
