#pragma once
// resolve: one name looked up with the module's DNS servers (DNSSERV1, then DNSSERV2), ending
// with Resolved or Failed 38027.

#include <boost/asio/io_context.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "dns_channel.hpp"
#include "socket_activity.hpp"
#include "socket_limits.hpp"

namespace atsharp::reference {

class DnsResolution : public SocketActivity {
 public:
  DnsResolution(boost::asio::io_context& io, ActivitySink sink, const SocketLimits& limits);
  ~DnsResolution() override;

  /// Asks @p servers on @p port for @p name, from @p localAddress ("" for any).
  void start(const std::string& localAddress, const std::string& name,
             const std::vector<std::string>& servers, std::uint16_t port);
  void stop() override;

 private:
  ActivitySink sink_;
  SocketLimits limits_;
  std::shared_ptr<DnsChannel> channel_;
};

}  // namespace atsharp::reference
