#pragma once
// tcpListen: the module waits on its port for one peer (the one it allows, when it names one),
// and then carries the connection like a client's, through a TcpStream.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <optional>
#include <string>

#include "socket_activity.hpp"
#include "socket_limits.hpp"
#include "tcp_stream.hpp"

namespace atsharp::reference {

class TcpServer : public SocketActivity, public std::enable_shared_from_this<TcpServer> {
 public:
  TcpServer(boost::asio::io_context& io, ActivitySink sink, const SocketLimits& limits);

  /// Binds @p local (Listening, or Failed 38016) and accepts. With @p allowedPeer (other than
  /// the broadcast address, which allows everyone), a peer from another address is closed at
  /// once and the listening goes on.
  void start(const Endpoint& local, const std::optional<std::string>& allowedPeer);

  void send(Bytes data, const std::optional<Endpoint>& to) override;
  void setPaused(bool paused) override;
  std::size_t queued() const override;
  void stop() override;

 private:
  using Error = boost::system::error_code;

  bool bind(const Endpoint& local);
  void acceptNext();
  void onAccept(const Error& error, boost::asio::ip::tcp::socket peer);
  bool allows(const boost::asio::ip::tcp::endpoint& peer) const;
  void fail();

  boost::asio::ip::tcp::acceptor acceptor_;
  ActivitySink sink_;
  std::shared_ptr<TcpStream> stream_;
  /// Nothing: anyone. An allowed peer that is not an address matches no one.
  std::optional<std::string> allowed_;
};

}  // namespace atsharp::reference
