#pragma once
// The TCP peer of the throughput measurement: on 127.0.0.1 and a port the kernel picks, it
// sends back every byte it receives, on each connection, until the other side closes.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace atsharp::bench {

class EchoPeer {
 public:
  /// Listens and starts accepting on a thread of its own. Throws std::system_error.
  EchoPeer();
  /// Closes every connection and joins every thread.
  ~EchoPeer();
  EchoPeer(const EchoPeer&) = delete;
  EchoPeer& operator=(const EchoPeer&) = delete;

  std::uint16_t port() const noexcept { return port_; }

  /// Connections accepted so far: a relay started after a reading of it is connected once it
  /// grows.
  std::size_t accepted() const noexcept { return accepted_; }

  /// Closes the open connections from this side (a FIN): the way to end a DLEMODE 0 session,
  /// in which the host has no ETX of its own.
  void disconnectAll();

 private:
  void acceptLoop();
  void serve(int fd);

  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> accepted_{0};
  std::mutex mutex_;
  std::vector<int> connections_;  ///< open, guarded by mutex_
  std::vector<std::thread> workers_;  ///< one per connection, guarded by mutex_
  std::thread acceptor_;
};

}  // namespace atsharp::bench
