#pragma once
// Moving bytes through plain file descriptors: sockets, pipes, terminals.

#include <sys/types.h>

#include <string>

#include "atsharp/transport/unique_fd.hpp"
#include "line_io.hpp"

namespace atsharp::detail {

/// A LineIo over a read descriptor and a write descriptor (possibly the same one), both set
/// non-blocking here. @p name prefixes error messages.
class FdLineIo final : public LineIo {
 public:
  /// Takes @p fd for both directions.
  FdLineIo(UniqueFd fd, std::string name);
  /// Takes @p readFd and @p writeFd. Throws UsageError for an invalid descriptor,
  /// TransportError if one cannot be inspected or made non-blocking.
  FdLineIo(UniqueFd readFd, UniqueFd writeFd, std::string name);

  int readFd() const noexcept override { return read_.get(); }
  int writeFd() const noexcept override { return write_.valid() ? write_.get() : read_.get(); }
  Step readSome(std::span<Byte> buffer) override;
  Step writeSome(ByteView bytes) override;

 private:
  /// How writes must avoid SIGPIPE, by the kind of file written to.
  enum class WriteKind { Socket, Pipe, Other };

  void setUp();
  /// One write() or send(); errno goes to @p error (the guard's clean-up may change errno).
  ssize_t writeOnce(ByteView bytes, int& error);

  UniqueFd read_;
  UniqueFd write_;  // invalid when read_ is used both ways
  std::string name_;
  WriteKind writeKind_ = WriteKind::Other;
};

}  // namespace atsharp::detail
