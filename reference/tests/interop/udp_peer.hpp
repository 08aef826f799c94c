#pragma once
// The test's UDP peer of the module: datagrams sent and received one by one on a loopback
// address, with where each came from.

#include <cstdint>
#include <string>

#include "atsharp/bytes.hpp"
#include "atsharp/transport/transport.hpp"
#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::test {

struct Datagram {
  Bytes data;
  std::string address;
  std::uint16_t port = 0;
};

class UdpPeer {
 public:
  /// Bound to @p address:@p port (0: a port the kernel picks).
  explicit UdpPeer(const std::string& address = "127.0.0.1", std::uint16_t port = 0);
  std::uint16_t port() const noexcept { return port_; }

  void sendTo(ByteView data, const std::string& address, std::uint16_t port);
  /// The next datagram, whole; throws at the deadline.
  Datagram receive(Deadline deadline);
  /// Whether a datagram waits to be received.
  bool pending() const;

 private:
  UniqueFd fd_;
  std::uint16_t port_;
};

}  // namespace atsharp::test
