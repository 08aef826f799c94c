#pragma once
// The socket half of the runtime's NetworkPort, on the host's real network stack: TCP
// connections and listeners, UDP sockets, DNS lookups with c-ares (only the servers the module
// names, never the host's resolver) and ICMP echo requests. Everything runs on one Boost.Asio
// io_context; events reach the module through Deliver, later, from the loop.

#include <boost/asio/io_context.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "atsharp/reference/network.hpp"
#include "socket_activity.hpp"
#include "socket_limits.hpp"
#include "socket_outbox.hpp"

namespace atsharp::reference {

class SocketNetwork {
 public:
  /// Called on the io_context's thread, never from inside a request. It may make requests.
  using Deliver = std::function<void(NetworkEvent)>;

  /// @p timeScale real seconds per module second: a ping's timeout is module time, and so is
  /// the round trip it reports, and so are the module's waits of @p limits (see SocketLimits).
  SocketNetwork(boost::asio::io_context& io, Deliver deliver, double timeScale,
                SocketLimits limits = {});
  ~SocketNetwork();
  SocketNetwork(const SocketNetwork&) = delete;
  SocketNetwork& operator=(const SocketNetwork&) = delete;

  void resolve(ActivityId id, const std::string& localAddress, const std::string& name,
               const std::vector<std::string>& servers, std::uint16_t port);
  void tcpConnect(ActivityId id, const std::string& localAddress, const Endpoint& remote);
  void tcpListen(ActivityId id, const Endpoint& local,
                 const std::optional<std::string>& allowedPeer);
  void udpOpen(ActivityId id, const Endpoint& local);
  void send(ActivityId id, Bytes data, const std::optional<Endpoint>& to);
  void close(ActivityId id);
  void ping(ActivityId id, const std::string& localAddress, const std::string& address,
            ModuleTime timeout);

  /// An activity of this class is alive: started, and its final event not delivered yet.
  bool owns(ActivityId id) const;
  /// Bytes accepted by send() and not yet written, closed activities' included.
  std::size_t queuedToNetwork() const;
  /// The host line is backed up: no socket is read until it is free again, so TCP's flow
  /// control slows the peers down and the kernel drops surplus datagrams.
  void pauseReading(bool paused);

 private:
  struct Entry {
    std::uint64_t serial;
    std::shared_ptr<SocketActivity> activity;
    bool ended = false;  ///< its final event waits in the outbox
  };

  ActivitySink sinkFor(ActivityId id, std::uint64_t serial);
  /// Registers @p activity as @p id (ending one still registered under it silently), then
  /// starts it with @p start: events it reports while starting already find it registered.
  template <typename Start>
  void launch(ActivityId id, std::uint64_t serial, const std::shared_ptr<SocketActivity>& activity,
              Start start);
  std::uint64_t nextSerial() { return ++serials_; }
  void report(ActivityId id, std::uint64_t serial, NetworkEvent event,
              ActivitySink::Continuation then);
  void scheduleFlush();
  void flush();
  void deliverOne(SocketOutbox::Entry entry);
  void retire(std::shared_ptr<SocketActivity> activity);

  boost::asio::io_context& io_;
  Deliver deliver_;
  double timeScale_;
  /// In real time (atTimeScale()).
  SocketLimits limits_;
  std::unordered_map<ActivityId, Entry> activities_;
  /// Closed activities still writing what was queued before close().
  std::vector<std::shared_ptr<SocketActivity>> draining_;
  SocketOutbox outbox_;
  std::uint64_t serials_ = 0;
  bool flushPosted_ = false;
  bool paused_ = false;
  /// Posted flushes hold it weakly: one that runs after the destructor does nothing.
  std::shared_ptr<char> alive_ = std::make_shared<char>();
};

}  // namespace atsharp::reference
