#pragma once
/// @file
/// A TCP client for raw serial-over-TCP, as ser2net and similar bridges export a serial port.

#include <cstdint>
#include <memory>
#include <string>

#include "atsharp/transport/fd_transport.hpp"

namespace atsharp {

/// A connected TCP socket with TCP_NODELAY (AT commands are short and latency matters more than
/// packet count); otherwise an FdTransport. No Telnet (RFC 2217) negotiation: the bridge must
/// export the port raw.
class TcpTransport final : public FdTransport {
 public:
  /// Connects to @p host (an IPv4 or IPv6 literal, or a name) on @p port, trying each address
  /// getaddrinfo() gives in turn, each with a non-blocking connect bounded by @p deadline.
  /// Throws TransportError naming the target and the cause (refused, timed out, unknown host).
  /// Name resolution itself is not bounded by the deadline (getaddrinfo() cannot be); a numeric
  /// address needs none.
  static std::unique_ptr<TcpTransport> connect(const std::string& host, std::uint16_t port,
                                               Deadline deadline);

 private:
  /// Wraps a connected socket; connect() is the way to make one.
  TcpTransport(UniqueFd socket, std::string description);
};

}  // namespace atsharp
