#pragma once
// An established TCP connection between the module and a peer: what the peer sends goes to the
// module in chunks, what the module sends is written in order, and the end of the connection
// becomes the spec's event (Closed for the peer's FIN, 37952 for a reset, 37966 when the peer
// closed before the module's data was out, 38017 when a write fails). Shared by the connecting
// and the listening activities, which hand it the socket once they have one.

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <utility>

#include "socket_activity.hpp"
#include "socket_limits.hpp"

namespace atsharp::reference {

class TcpStream : public std::enable_shared_from_this<TcpStream> {
 public:
  /// The largest Received: one read of the socket.
  static constexpr std::size_t kMaxChunk = 64 * 1024;

  TcpStream(boost::asio::io_context& io, ActivitySink sink, const SocketLimits& limits);

  /// The connection is up: reading and writing (of what send() queued already) begin.
  void start(boost::asio::ip::tcp::socket socket);
  void send(Bytes data);
  void setPaused(bool paused);
  std::size_t queued() const noexcept { return queuedBytes_; }
  /// The module closed the connection: no event follows; the queued bytes and then a FIN still
  /// go out (within the close linger), and what the peer sends meanwhile is read and dropped,
  /// since closing with unread data would reset the connection and lose what is in flight.
  void stop();

 private:
  enum class State { Waiting, Open, Closing, Ended };
  using Error = boost::system::error_code;

  void readMore();
  void issueRead();
  void onRead(const Error& error, std::size_t size);
  void handleRead(const Error& error, std::size_t size);
  void onReadWhileClosing(const Error& error);
  void writeMore();
  void onWrite(const Error& error);
  void failWrite(const Error& error);
  bool resetByPeer();
  void shutdownAndDrain();
  void finish(NetworkEvent final);
  void closeNow();

  boost::asio::ip::tcp::socket socket_;
  boost::asio::steady_timer linger_;
  ActivitySink sink_;
  std::chrono::milliseconds lingerLimit_;
  State state_ = State::Waiting;
  std::array<Byte, kMaxChunk> buffer_{};
  std::deque<Bytes> queue_;
  std::size_t queuedBytes_ = 0;
  bool reading_ = false;
  bool writing_ = false;
  bool paused_ = false;
  /// A Received waits in the outbox: the next read comes once it is delivered.
  bool awaitingDelivery_ = false;
  bool peerFinished_ = false;
  /// A read that completed while paused (its bytes still in buffer_), handled on resuming.
  std::optional<std::pair<Error, std::size_t>> held_;
};

}  // namespace atsharp::reference
