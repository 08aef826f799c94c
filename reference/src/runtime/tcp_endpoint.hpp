#pragma once
// The module's line as raw serial-over-TCP on a loopback address, as ser2net exports a serial
// port: the bytes of the line and nothing else, no Telnet negotiation.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include <memory>

#include "line_hub.hpp"
#include "listen_address.hpp"

namespace atsharp::reference {

/// One client at a time, like the one cable of a serial port: a second client is accepted and
/// closed at once (it reads end of file), so that it learns at once that the line is taken
/// instead of waiting, connected yet unanswered, in the listen backlog.
class TcpEndpoint {
 public:
  /// Listens on @p address. Throws TransportError when it cannot (the port is taken).
  TcpEndpoint(boost::asio::io_context& io, LineHub& hub, const ListenAddress& address);

  /// The port listened on (the one picked, for port 0).
  int port() const noexcept { return port_; }

 private:
  void take(boost::asio::ip::tcp::socket socket);

  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_;
  LineHub& hub_;
  std::weak_ptr<HostLine> client_;
  int port_;  ///< kept, so that other threads can ask for it while the loop runs
};

}  // namespace atsharp::reference
