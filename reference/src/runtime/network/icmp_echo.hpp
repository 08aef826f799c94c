#pragma once
// ping: one ICMP echo request from the module's address, and the wait for its reply. The
// timeout is module time (PINGDELAY), and so is the round trip reported: both go through the
// time scale, so a reply counts only if it came within the timeout as the module sees it.

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "atsharp/reference/module_time.hpp"
#include "icmp_packet.hpp"
#include "socket_activity.hpp"

namespace atsharp::reference {

class IcmpEcho : public SocketActivity, public std::enable_shared_from_this<IcmpEcho> {
 public:
  /// @p timeScale: real seconds per module second.
  IcmpEcho(boost::asio::io_context& io, ActivitySink sink, double timeScale);

  /// Sends the request with @p header (a raw socket's identifier is ours to choose; a ping
  /// socket's is set by the kernel) and waits up to @p timeout of module time.
  void start(const std::string& localAddress, const std::string& address, ModuleTime timeout,
             EchoHeader header);
  void stop() override;

 private:
  using Clock = std::chrono::steady_clock;
  using Error = boost::system::error_code;

  bool sendRequest(const std::string& localAddress, EchoHeader header);
  void waitForReply();
  void readReplies();
  bool isOurs(ByteView packet, std::uint32_t source) const;
  void answer(std::optional<int> milliseconds);
  Clock::duration realTime(ModuleTime time) const;
  int moduleMilliseconds(Clock::duration real) const;

  boost::asio::posix::stream_descriptor socket_;
  boost::asio::steady_timer timer_;
  ActivitySink sink_;
  double timeScale_;
  bool raw_ = false;
  EchoHeader header_{};
  std::uint32_t target_ = 0;  ///< network byte order
  Clock::time_point sentAt_;
  Clock::duration limit_{};
  bool done_ = false;
  /// An IP header and the echo header are all that is looked at; longer replies are cut.
  std::array<Byte, 512> buffer_{};
};

}  // namespace atsharp::reference
