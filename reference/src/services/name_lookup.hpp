#pragma once
// What every service does before it reaches a server: find its address. A dotted address is
// used as it is; a name goes to DNSSERV1, then DNSSERV2 (3.1.17, 3.1.18), never to the host's
// resolver, asked from the module's address (localAddress()) like every other peer.

#include <optional>
#include <string>

#include "atsharp/catalogue/parameters.hpp"
#include "atsharp/reference/network.hpp"

namespace atsharp::reference {

class ModuleCore;

/// A server's address, or the DNS query that will give it.
struct Lookup {
  /// The address, when known at once.
  std::optional<std::string> address;
  /// The query's activity, when one went out.
  std::optional<ActivityId> query;
};

/// Starts finding @p host's address; nothing when there is no DNS server to ask (both
/// DNSSERV1 and DNSSERV2 are 0.0.0.0): 38027.
std::optional<Lookup> lookUp(ModuleCore& core, const std::string& host);

/// The address the module's sockets bind to: its own on the link when it is a loopback
/// address (so that peers see it and several modules on one host do not collide), else any.
std::string localAddress(const ModuleCore& core);

/// The port a parameter holds (TCPPORT, UDPPORT, FTPPORT ...); 0 when not set.
std::uint16_t portOf(const ModuleCore& core, catalogue::Param param, int socket = 1);

}  // namespace atsharp::reference
