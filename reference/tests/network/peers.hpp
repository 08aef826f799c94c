#pragma once
// The far ends the SocketNetwork tests talk to: plain Asio sockets on loopback addresses,
// driven by the same io_context as the network under test, so that one thread runs it all.

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/udp.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "atsharp/bytes.hpp"
#include "atsharp/reference/network.hpp"

namespace atsharp::reference::test {

namespace asio = boost::asio;
using asio::ip::tcp;
using asio::ip::udp;
using Error = boost::system::error_code;

tcp::endpoint tcpAt(const std::string& address, std::uint16_t port);
udp::endpoint udpAt(const std::string& address, std::uint16_t port);

/// A TCP peer listening on @p address (any free port) that takes one connection.
class PeerListener {
 public:
  explicit PeerListener(asio::io_context& io, const std::string& address = "127.0.0.1",
                        int backlog = tcp::socket::max_listen_connections);
  Endpoint endpoint() const;
  /// Starts accepting the one connection into socket.
  void accept();

  tcp::acceptor acceptor;
  tcp::socket socket;
  bool accepted = false;
};

/// Reads a TCP socket to its end (EOF or an error), keeping every byte.
class PeerReader {
 public:
  explicit PeerReader(tcp::socket& socket);
  void start();

  Bytes data;
  bool ended = false;
  Error error;

 private:
  tcp::socket& socket_;
  std::array<Byte, 64 * 1024> chunk_{};
};

/// A TCP socket of a peer at @p from, connecting to @p to; connected says when it is.
class PeerClient {
 public:
  PeerClient(asio::io_context& io, const std::string& from, const Endpoint& to);
  tcp::socket socket;
  bool done = false;
  Error error;
};

/// Writes to @p socket without blocking until the kernel takes no more; returns the bytes it
/// took (the pattern continues from @p offset, see patternByte).
std::size_t writeUntilFull(tcp::socket& socket, std::size_t offset);
/// The byte at @p offset of an endless pattern that shows any loss, reordering or doubling.
Byte patternByte(std::size_t offset);
Bytes pattern(std::size_t offset, std::size_t size);

/// Receives datagrams on a UDP socket, keeping each with its sender.
class PeerDatagrams {
 public:
  explicit PeerDatagrams(asio::io_context& io, const std::string& address);
  Endpoint endpoint() const;
  void start();

  udp::socket socket;
  std::vector<std::pair<Bytes, Endpoint>> received;

 private:
  std::array<Byte, 65536> buffer_{};
  udp::endpoint sender_;
};

}  // namespace atsharp::reference::test
