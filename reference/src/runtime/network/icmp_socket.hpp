#pragma once
// Opening a socket for ICMP echo: an unprivileged "ping socket" (SOCK_DGRAM, IPPROTO_ICMP)
// where net.ipv4.ping_group_range lets the process's group have one, else a raw socket (root
// or CAP_NET_RAW).

#include <string>

namespace atsharp::reference {

struct IcmpSocket {
  int fd = -1;  ///< owned by the caller; -1: neither kind could be opened
  /// A raw socket: replies come with their IP header, and every echo reply of the host comes
  /// to it, so the identifier must be checked. A ping socket has the kernel set and filter it.
  bool raw = false;
  std::string why;  ///< when fd is -1: what stood in the way
};

IcmpSocket openIcmpSocket();

/// Says on stderr, once per process, why pings cannot work here.
void explainNoIcmp(const std::string& why);

}  // namespace atsharp::reference
