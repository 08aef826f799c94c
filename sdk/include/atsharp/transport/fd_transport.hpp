#pragma once
/// @file
/// A transport over file descriptors: a socket, a pipe pair, a terminal, a pty master.

#include <memory>
#include <string>

#include "atsharp/transport/transport.hpp"
#include "atsharp/transport/unique_fd.hpp"

namespace atsharp {

namespace detail {
class PolledLine;
}

/// A Transport over one file descriptor used both ways (a socket, a terminal), or over a read
/// descriptor and a write descriptor (a pipe pair). It owns them and closes them in close().
///
/// The descriptors are switched to non-blocking mode; every wait is a poll() bounded by the
/// deadline that also watches an eventfd, which close() signals, so that close() from another
/// thread wakes a reader or writer blocked here.
///
/// End of file, EIO (a pty whose other side went away), a hang-up, ECONNRESET and EPIPE all end
/// as IoStatus::Closed, after any data already received has been read. Writing never raises
/// SIGPIPE: sockets are written with send(MSG_NOSIGNAL); pipes, the only other kind of file that
/// raises it, are written with SIGPIPE blocked in the writing thread, and a SIGPIPE the write
/// raised is taken off the pending set before the old mask comes back (no process-wide
/// signal disposition is touched, so the host application keeps its own).
///
/// One reader thread and one writer thread may use it at once; close() may come from any thread.
class FdTransport : public Transport {
 public:
  /// Takes @p fd, used for reading and writing. @p description is what describe() returns.
  /// Throws UsageError for an invalid descriptor, TransportError if it cannot be set up.
  FdTransport(UniqueFd fd, std::string description);

  /// Takes @p readFd for reading and @p writeFd for writing (a pipe pair).
  FdTransport(UniqueFd readFd, UniqueFd writeFd, std::string description);

  ~FdTransport() override;

  IoResult write(ByteView bytes, Deadline deadline) override;
  IoResult read(std::span<Byte> buffer, Deadline deadline) override;
  void close() override;
  std::string describe() const override;

 private:
  std::unique_ptr<detail::PolledLine> line_;
  std::string description_;
};

}  // namespace atsharp
