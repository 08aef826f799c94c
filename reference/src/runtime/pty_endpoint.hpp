#pragma once
// The module's pseudo-terminal: the master is a tap on the module's line, the slave is what a
// host program opens as its serial port.

#include <boost/asio/io_context.hpp>

#include <string>

#include "atsharp/transport/unique_fd.hpp"
#include "line_hub.hpp"

namespace atsharp::reference {

class PtyEndpoint {
 public:
  /// Opens a pty pair in raw mode and joins its master to @p hub. Throws TransportError.
  PtyEndpoint(boost::asio::io_context& io, LineHub& hub);

  /// The slave's device path (/dev/pts/N).
  const std::string& slavePath() const noexcept { return slavePath_; }

 private:
  std::string slavePath_;
  /// Held open for the emulator's lifetime: without it the master reads as hung up (EIO)
  /// whenever no client has the slave open, and the raw mode set on it would be lost between
  /// clients.
  UniqueFd slave_;
};

}  // namespace atsharp::reference
