#pragma once
// The test's TCP peers of the module, on loopback: a listener for AT#OTCP to reach, a client
// for a module that listens (AT#LTCPSTART), and what a peer does with its stream.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "atsharp/bytes.hpp"
#include "atsharp/transport/transport.hpp"
#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::test {

/// Listens on @p address and a port the kernel picks.
class TcpListener {
 public:
  explicit TcpListener(const std::string& address = "127.0.0.1");
  std::uint16_t port() const noexcept { return port_; }
  /// The next client; throws at the deadline.
  UniqueFd accept(Deadline deadline);

 private:
  UniqueFd fd_;
  std::uint16_t port_;
};

/// A connection to @p address:@p port; throws when refused.
UniqueFd connectTcp(const std::string& address, std::uint16_t port);

/// One end of a TCP connection, read and written with deadlines.
class TcpStream {
 public:
  explicit TcpStream(UniqueFd fd) : fd_(std::move(fd)) {}

  /// What comes next, up to @p limit bytes; empty at the end of the stream. Throws at the
  /// deadline or on an error.
  Bytes readSome(std::size_t limit, Deadline deadline);
  /// Reads until @p size bytes came; throws at the end of the stream or the deadline.
  Bytes readExactly(std::size_t size, Deadline deadline);
  void writeAll(ByteView bytes, Deadline deadline);
  /// Sends a FIN, then closes.
  void close();
  /// Closes with a reset (SO_LINGER 0): what the other side still sends is refused.
  void reset();

 private:
  UniqueFd fd_;
};

/// What an echoing peer saw.
struct Echoed {
  Bytes received;
  bool endOfStream = false;  ///< the module closed its side first
};

/// Sends back everything that comes, keeping a copy, until the module closes its side, or,
/// with @p closeAfter, until that many bytes came back to it; then closes (a FIN).
Echoed echo(TcpStream& stream, std::optional<std::size_t> closeAfter, Deadline deadline);

}  // namespace atsharp::test
