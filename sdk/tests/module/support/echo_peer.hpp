#pragma once
// Network peers for the data sessions: a TCP peer on 127.0.0.1 that echoes what it receives
// (optionally closing after a number of bytes), and a UDP peer that echoes each datagram. Each
// runs on a thread of its own, stopped and joined by its destructor.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <thread>

#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::test {

class TcpEchoPeer {
 public:
  /// Echoes one connection; with @p closeAfter, closes it once that many bytes were echoed.
  explicit TcpEchoPeer(std::optional<std::size_t> closeAfter = std::nullopt);
  ~TcpEchoPeer();
  TcpEchoPeer(const TcpEchoPeer&) = delete;
  TcpEchoPeer& operator=(const TcpEchoPeer&) = delete;
  std::uint16_t port() const noexcept { return port_; }
  /// Bytes echoed so far.
  std::size_t echoed() const noexcept { return echoed_; }

 private:
  void serve(std::optional<std::size_t> closeAfter);

  UniqueFd listener_;
  std::uint16_t port_ = 0;
  std::atomic<std::size_t> echoed_{0};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

class UdpEchoPeer {
 public:
  UdpEchoPeer();
  ~UdpEchoPeer();
  UdpEchoPeer(const UdpEchoPeer&) = delete;
  UdpEchoPeer& operator=(const UdpEchoPeer&) = delete;
  std::uint16_t port() const noexcept { return port_; }

 private:
  void serve();

  UniqueFd socket_;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

/// Connects to @p port on @p address (loopback) as a TCP client; invalid when refused.
UniqueFd connectTcp(const char* address, std::uint16_t port);

}  // namespace atsharp::test
