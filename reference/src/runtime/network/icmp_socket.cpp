#include "icmp_socket.hpp"

#include <linux/icmp.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <mutex>

namespace atsharp::reference {
namespace {

// A raw socket gets every ICMP message of the host: let only echo replies through.
void keepEchoRepliesOnly(int fd) {
  icmp_filter filter{};
  filter.data = ~(1U << ICMP_ECHOREPLY);
  // Best effort: the replies are checked one by one anyway.
  (void)::setsockopt(fd, SOL_RAW, ICMP_FILTER, &filter, sizeof filter);
}

}  // namespace

IcmpSocket openIcmpSocket() {
  const int ping = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
  if (ping >= 0) return IcmpSocket{ping, false, {}};
  const std::string pingError = std::strerror(errno);
  const int raw = ::socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
  if (raw >= 0) {
    keepEchoRepliesOnly(raw);
    return IcmpSocket{raw, true, {}};
  }
  const std::string rawError = std::strerror(errno);
  return IcmpSocket{-1, false,
                    "no ping socket (" + pingError +
                        "; net.ipv4.ping_group_range must include the process's group) and no "
                        "raw socket (" +
                        rawError + "; needs root or CAP_NET_RAW)"};
}

void explainNoIcmp(const std::string& why) {
  static std::once_flag once;
  std::call_once(once, [&why] { std::cerr << "atsharp: AT#PING cannot work: " << why << '\n'; });
}

}  // namespace atsharp::reference
