#pragma once
// tcpConnect: a TCP connection the module opens from its own address, given a bounded time to
// be answered, then carried by a TcpStream.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>
#include <string>

#include "socket_activity.hpp"
#include "socket_limits.hpp"
#include "tcp_stream.hpp"

namespace atsharp::reference {

class TcpClient : public SocketActivity, public std::enable_shared_from_this<TcpClient> {
 public:
  TcpClient(boost::asio::io_context& io, ActivitySink sink, const SocketLimits& limits);

  /// Binds @p localAddress ("" for any) so that the peer sees the module's address as the
  /// source, then connects to @p remote.
  void start(const std::string& localAddress, const Endpoint& remote);

  void send(Bytes data, const std::optional<Endpoint>& to) override;
  void setPaused(bool paused) override;
  std::size_t queued() const override;
  void stop() override;

 private:
  using Error = boost::system::error_code;

  void onConnect(const Error& error);
  void fail(catalogue::CmeError code);

  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer timer_;
  ActivitySink sink_;
  std::chrono::milliseconds timeout_;
  std::shared_ptr<TcpStream> stream_;
  Endpoint remote_;
  bool connecting_ = false;
};

}  // namespace atsharp::reference
