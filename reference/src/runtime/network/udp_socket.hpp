#pragma once
// udpOpen: the module's UDP socket. Every datagram that arrives is one Received with its
// sender, and every send() is one datagram, so that boundaries survive both ways.

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <deque>
#include <memory>
#include <optional>

#include "socket_activity.hpp"

namespace atsharp::reference {

class UdpSocket : public SocketActivity, public std::enable_shared_from_this<UdpSocket> {
 public:
  /// The largest UDP payload over IPv4 (65535 less the IP and UDP headers).
  static constexpr std::size_t kMaxDatagram = 65507;

  UdpSocket(boost::asio::io_context& io, ActivitySink sink);

  /// Binds @p local ("" for any address, port 0 for any port): Listening, or Failed 38016.
  void start(const Endpoint& local);

  void send(Bytes data, const std::optional<Endpoint>& to) override;
  void setPaused(bool paused) override;
  std::size_t queued() const override { return queuedBytes_; }
  /// Datagrams already queued are still sent; nothing more is received.
  void stop() override;

 private:
  using Error = boost::system::error_code;
  struct Datagram {
    Bytes data;
    boost::asio::ip::udp::endpoint to;
  };

  void readMore();
  void onReceive(const Error& error, std::size_t size);
  void handleReceive(const Error& error, std::size_t size);
  void writeMore();
  void onSent(const Error& error);
  void fail(catalogue::CmeError code);
  void closeNow();

  boost::asio::ip::udp::socket socket_;
  ActivitySink sink_;
  /// One byte over the largest datagram, so that nothing is ever cut short.
  std::array<Byte, kMaxDatagram + 1> buffer_{};
  boost::asio::ip::udp::endpoint sender_;
  std::deque<Datagram> queue_;
  std::size_t queuedBytes_ = 0;
  bool open_ = false;     ///< events may still come
  bool stopped_ = false;  ///< closed by the module: only the queue is still sent
  bool reading_ = false;
  bool writing_ = false;
  bool paused_ = false;
  bool awaitingDelivery_ = false;
  std::optional<std::pair<Error, std::size_t>> held_;
};

}  // namespace atsharp::reference
