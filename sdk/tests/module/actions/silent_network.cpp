// unshare(CLONE_NEWNET), the loopback brought up, echo requests ignored.

#include "silent_network.hpp"

#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace atsharp::test {
namespace {

[[noreturn]] void fail(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

void bringLoopbackUp() {
  const UniqueFd socket(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  if (!socket.valid()) fail("socket");
  ifreq request{};
  std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
  if (::ioctl(socket.get(), SIOCGIFFLAGS, &request) != 0) fail("SIOCGIFFLAGS lo");
  request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP);
  if (::ioctl(socket.get(), SIOCSIFFLAGS, &request) != 0) fail("SIOCSIFFLAGS lo");
}

void ignoreEchoRequests() {
  // /proc/sys/net shows the namespace of the thread that opens it.
  std::ofstream setting("/proc/sys/net/ipv4/icmp_echo_ignore_all");
  setting << "1\n";
  setting.close();
  if (!setting) fail("icmp_echo_ignore_all");
}

}  // namespace

SilentNetwork::SilentNetwork()
    : original_(::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC)) {
  if (!original_.valid()) fail("/proc/thread-self/ns/net");
  if (::unshare(CLONE_NEWNET) != 0) fail("unshare(CLONE_NEWNET)");
  try {
    bringLoopbackUp();
    ignoreEchoRequests();
  } catch (...) {
    ::setns(original_.get(), CLONE_NEWNET);
    throw;
  }
}

SilentNetwork::~SilentNetwork() { ::setns(original_.get(), CLONE_NEWNET); }

}  // namespace atsharp::test
