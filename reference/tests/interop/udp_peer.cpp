#include "udp_peer.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "socket_address.hpp"

namespace atsharp::test {

UdpPeer::UdpPeer(const std::string& address, std::uint16_t port)
    : fd_(boundSocket(address, port, Protocol::Udp)), port_(localPort(fd_.get())) {}

void UdpPeer::sendTo(ByteView data, const std::string& address, std::uint16_t port) {
  const sockaddr_in remote = loopbackAddress(address, port);
  const ssize_t sent = ::sendto(fd_.get(), data.data(), data.size(), 0,
                                reinterpret_cast<const sockaddr*>(&remote), sizeof remote);
  if (sent != static_cast<ssize_t>(data.size())) {
    throw std::runtime_error(std::string("UDP peer: sendto: ") + std::strerror(errno));
  }
}

Datagram UdpPeer::receive(Deadline deadline) {
  if (!waitFor(fd_.get(), POLLIN, deadline)) {
    throw std::runtime_error("UDP peer: no datagram came in time");
  }
  Datagram datagram;
  datagram.data.resize(65536);
  sockaddr_in from{};
  socklen_t length = sizeof from;
  const ssize_t got = ::recvfrom(fd_.get(), datagram.data.data(), datagram.data.size(), 0,
                                 reinterpret_cast<sockaddr*>(&from), &length);
  if (got < 0) throw std::runtime_error(std::string("UDP peer: recvfrom: ") + std::strerror(errno));
  datagram.data.resize(static_cast<std::size_t>(got));
  char text[INET_ADDRSTRLEN] = {};
  ::inet_ntop(AF_INET, &from.sin_addr, text, sizeof text);
  datagram.address = text;
  datagram.port = ntohs(from.sin_port);
  return datagram;
}

bool UdpPeer::pending() const {
  pollfd entry{fd_.get(), POLLIN, 0};
  return ::poll(&entry, 1, 0) > 0;
}

}  // namespace atsharp::test
