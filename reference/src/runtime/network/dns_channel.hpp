#pragma once
// A c-ares channel driven by the event loop: c-ares says which of its sockets it waits on
// (the socket-state callback), the loop waits on them without owning them (c-ares opens and
// closes its own descriptors), and a timer runs c-ares' retries and timeouts.
//
// The channel asks only the servers it is given, on the port it is given, in their order:
// no /etc/resolv.conf, no /etc/hosts, no search domains, no rotation. Its questions leave from
// the module's own address, as its other traffic does (peers see that address as the source).

#include <ares.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "socket_limits.hpp"

namespace atsharp::reference {

/// One lookup: the name, the servers to ask in turn and their port, and where from.
struct DnsLookup {
  std::string localAddress;  ///< the address the questions leave from; "" for any
  std::string name;
  std::vector<std::string> servers;
  std::uint16_t port = 53;
};

class DnsChannel : public std::enable_shared_from_this<DnsChannel> {
 public:
  /// The first IPv4 address of the name, or nothing when the lookup failed (no such name, no
  /// answer from any server, a refusal).
  using Done = std::function<void(std::optional<std::string> address)>;

  explicit DnsChannel(boost::asio::io_context& io);
  ~DnsChannel();
  DnsChannel(const DnsChannel&) = delete;
  DnsChannel& operator=(const DnsChannel&) = delete;

  /// Looks the name up (A records) with the servers in turn. @p done runs once, from a handler
  /// of the loop or from inside this call, unless shutdown() comes first. Returns false (and
  /// never calls @p done) when the channel cannot be set up, or the local address is not one.
  bool lookUp(const DnsLookup& lookup, const SocketLimits& limits, Done done);

  /// Ends the lookup: c-ares closes its sockets, @p done is not called.
  void shutdown();

 private:
  /// One of c-ares' sockets, watched by the loop. The generation tells a wait on a socket
  /// c-ares closed from one on a new socket that got the same descriptor number.
  struct Watch {
    explicit Watch(boost::asio::io_context& io, int fd, std::uint64_t generation);
    boost::asio::posix::stream_descriptor descriptor;
    std::uint64_t generation;
    bool wantRead = false;
    bool wantWrite = false;
    bool readWaiting = false;
    bool writeWaiting = false;
  };

  static void onSocketState(void* self, ares_socket_t fd, int readable, int writable);
  static void onAddresses(void* self, int status, int timeouts, ares_addrinfo* result);
  bool init(const SocketLimits& limits);
  bool setServers(const std::vector<std::string>& servers, std::uint16_t port);
  bool setLocalAddress(const std::string& localAddress);
  void socketState(int fd, bool readable, bool writable);
  void forget(int fd);
  void armWaits();
  void wait(int fd, Watch& watch, bool forRead);
  void onReady(int fd, std::uint64_t generation, bool forRead,
               const boost::system::error_code& error);
  void armTimer();
  /// After every call into c-ares: the waits and the timer follow what it now waits for, and
  /// the channel goes once the lookup is done (never from inside c-ares' own callbacks).
  void settle();

  boost::asio::io_context& io_;
  boost::asio::steady_timer timer_;
  ares_channel channel_ = nullptr;
  std::map<int, std::unique_ptr<Watch>> watches_;
  std::uint64_t generations_ = 0;
  Done done_;
  bool finished_ = false;
};

}  // namespace atsharp::reference
