#pragma once
// What SocketNetwork knows of each of its activities (a TCP connection or listener, a UDP
// socket, a DNS resolution, an echo request), and the way back from an activity to the module.

#include <cstddef>
#include <functional>
#include <optional>
#include <utility>

#include "atsharp/bytes.hpp"
#include "atsharp/reference/network.hpp"

namespace atsharp::reference {

/// Where an activity reports its events. Reporting never delivers at once: the event waits in
/// SocketNetwork's outbox for the event loop, and is dropped if the module closes the activity
/// first.
class ActivitySink {
 public:
  /// Runs after the event was delivered (never if it was dropped): a reader asks for more data
  /// only once the module has what it read, so one chunk per socket waits at most.
  using Continuation = std::function<void()>;
  using Report = std::function<void(NetworkEvent, Continuation)>;

  ActivitySink(ActivityId id, Report report) : id_(id), report_(std::move(report)) {}

  ActivityId id() const noexcept { return id_; }
  void report(NetworkEvent event, Continuation then = {}) const {
    report_(std::move(event), std::move(then));
  }

 private:
  ActivityId id_;
  Report report_;
};

/// One activity. Each ends with one final event of its own (Closed, Failed, Resolved,
/// PingAnswer), or with stop().
class SocketActivity {
 public:
  virtual ~SocketActivity() = default;

  /// Bytes for the peer (a datagram to @p to on UDP). The default: the activity takes none.
  virtual void send(Bytes data, const std::optional<Endpoint>& to);
  /// The host line is backed up (true) or free again (false): readers stop and resume.
  virtual void setPaused(bool paused);
  /// Bytes taken by send() and not yet written to the socket.
  virtual std::size_t queued() const;
  /// The module closed the activity: no event of it may follow. What send() queued still goes
  /// out in the background (see TcpStream), but nothing is read for the module any more.
  virtual void stop() = 0;
};

inline void SocketActivity::send(Bytes, const std::optional<Endpoint>&) {}
inline void SocketActivity::setPaused(bool) {}
inline std::size_t SocketActivity::queued() const { return 0; }

}  // namespace atsharp::reference
