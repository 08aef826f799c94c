#include "fd_line_io.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "atsharp/error.hpp"
#include "sigpipe_guard.hpp"
#include "system_error.hpp"

namespace atsharp::detail {
namespace {

void setNonBlocking(int fd, const std::string& name) {
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
    throwSystemError(name + ": cannot make the descriptor non-blocking", errno);
  }
}

Step stepForError(int error, const std::string& what) {
  if (error == EAGAIN || error == EWOULDBLOCK) {
    return {Step::Kind::WouldBlock};
  }
  if (isHangUp(error)) {
    return {Step::Kind::Closed};
  }
  throwSystemError(what, error);
}

}  // namespace

FdLineIo::FdLineIo(UniqueFd fd, std::string name) : read_(std::move(fd)), name_(std::move(name)) {
  setUp();
}

FdLineIo::FdLineIo(UniqueFd readFd, UniqueFd writeFd, std::string name)
    : read_(std::move(readFd)), write_(std::move(writeFd)), name_(std::move(name)) {
  if (!write_) {
    throw UsageError(name_ + ": invalid write descriptor");
  }
  setUp();
}

void FdLineIo::setUp() {
  if (!read_) {
    throw UsageError(name_ + ": invalid descriptor");
  }
  setNonBlocking(readFd(), name_);
  if (write_) {
    setNonBlocking(writeFd(), name_);
  }
  struct stat info {};
  if (::fstat(writeFd(), &info) < 0) {
    throwSystemError(name_ + ": fstat", errno);
  }
  writeKind_ = S_ISSOCK(info.st_mode)   ? WriteKind::Socket
               : S_ISFIFO(info.st_mode) ? WriteKind::Pipe
                                        : WriteKind::Other;
}

Step FdLineIo::readSome(std::span<Byte> buffer) {
  for (;;) {
    const ssize_t count = ::read(readFd(), buffer.data(), buffer.size());
    if (count > 0) {
      return {Step::Kind::Moved, static_cast<std::size_t>(count)};
    }
    if (count == 0) {
      return {Step::Kind::Closed};  // end of file: the writer is gone
    }
    if (errno != EINTR) {
      return stepForError(errno, name_ + ": read");
    }
  }
}

Step FdLineIo::writeSome(ByteView bytes) {
  for (;;) {
    int error = 0;
    const ssize_t count = writeOnce(bytes, error);
    if (count > 0) {
      return {Step::Kind::Moved, static_cast<std::size_t>(count)};
    }
    if (count == 0) {
      return {Step::Kind::WouldBlock};
    }
    if (error != EINTR) {
      return stepForError(error, name_ + ": write");
    }
  }
}

// Only sockets and pipes raise SIGPIPE. A socket is written with MSG_NOSIGNAL, a pipe under a
// SigpipeGuard (pipes have no such flag); a terminal is written plainly.
ssize_t FdLineIo::writeOnce(ByteView bytes, int& error) {
  ssize_t count = -1;
  if (writeKind_ == WriteKind::Socket) {
    count = ::send(writeFd(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
    error = errno;
  } else if (writeKind_ == WriteKind::Pipe) {
    SigpipeGuard guard;
    count = ::write(writeFd(), bytes.data(), bytes.size());
    error = errno;
    if (count < 0 && error == EPIPE) {
      guard.discardRaised();
    }
  } else {
    count = ::write(writeFd(), bytes.data(), bytes.size());
    error = errno;
  }
  return count;
}

}  // namespace atsharp::detail
