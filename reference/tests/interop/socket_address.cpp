#include "socket_address.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace atsharp::test {

sockaddr_in loopbackAddress(const std::string& address, std::uint16_t port) {
  sockaddr_in socketAddress{};
  socketAddress.sin_family = AF_INET;
  socketAddress.sin_port = htons(port);
  // The tests reach nothing beyond this host.
  if (::inet_pton(AF_INET, address.c_str(), &socketAddress.sin_addr) != 1 ||
      (ntohl(socketAddress.sin_addr.s_addr) >> 24) != 127) {
    throw std::invalid_argument("not a loopback address: " + address);
  }
  return socketAddress;
}

UniqueFd boundSocket(const std::string& address, std::uint16_t port, Protocol protocol) {
  const int type = protocol == Protocol::Tcp ? SOCK_STREAM : SOCK_DGRAM;
  UniqueFd fd(::socket(AF_INET, type | SOCK_CLOEXEC, 0));
  const sockaddr_in local = loopbackAddress(address, port);
  if (!fd.valid() || ::bind(fd.get(), reinterpret_cast<const sockaddr*>(&local), sizeof local)) {
    throw std::runtime_error("cannot bind " + address + ":" + std::to_string(port) + ": " +
                             std::strerror(errno));
  }
  return fd;
}

std::uint16_t localPort(int fd) {
  sockaddr_in local{};
  socklen_t length = sizeof local;
  if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) != 0) {
    throw std::runtime_error(std::string("getsockname: ") + std::strerror(errno));
  }
  return ntohs(local.sin_port);
}

bool waitFor(int fd, short events, std::chrono::steady_clock::time_point deadline) {
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    pollfd entry{fd, events, 0};
    const int ready = ::poll(&entry, 1, static_cast<int>(std::max<long long>(0, left.count())));
    if (ready > 0) return true;
    if (ready == 0 || errno != EINTR) return false;
  }
}

}  // namespace atsharp::test
