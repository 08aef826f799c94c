// The echo peers: blocking sockets polled with a short timeout so that the destructor can stop
// them.

#include "echo_peer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <stdexcept>

namespace atsharp::test {
namespace {

constexpr int kPollMs = 50;

sockaddr_in loopback(const char* address, std::uint16_t port) {
  sockaddr_in socketAddress{};
  socketAddress.sin_family = AF_INET;
  socketAddress.sin_port = htons(port);
  ::inet_pton(AF_INET, address, &socketAddress.sin_addr);
  return socketAddress;
}

UniqueFd boundSocket(int type) {
  UniqueFd fd(::socket(AF_INET, type | SOCK_CLOEXEC, 0));
  const sockaddr_in address = loopback("127.0.0.1", 0);
  if (!fd.valid() ||
      ::bind(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    throw std::runtime_error("cannot bind a test peer on 127.0.0.1");
  }
  return fd;
}

std::uint16_t boundPort(int fd) {
  sockaddr_in address{};
  socklen_t size = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  return ntohs(address.sin_port);
}

bool readable(int fd) {
  pollfd entry{fd, POLLIN, 0};
  return ::poll(&entry, 1, kPollMs) > 0;
}

bool sendAll(int fd, const std::uint8_t* bytes, std::size_t size) {
  while (size > 0) {
    const ssize_t sent = ::send(fd, bytes, size, MSG_NOSIGNAL);
    if (sent <= 0) return false;
    bytes += sent;
    size -= static_cast<std::size_t>(sent);
  }
  return true;
}

}  // namespace

TcpEchoPeer::TcpEchoPeer(std::optional<std::size_t> closeAfter)
    : listener_(boundSocket(SOCK_STREAM)) {
  ::listen(listener_.get(), 1);
  port_ = boundPort(listener_.get());
  thread_ = std::thread([this, closeAfter] { serve(closeAfter); });
}

TcpEchoPeer::~TcpEchoPeer() {
  stopping_ = true;
  thread_.join();
}

void TcpEchoPeer::serve(std::optional<std::size_t> closeAfter) {
  while (!stopping_ && !readable(listener_.get())) {
  }
  if (stopping_) return;
  const UniqueFd connection(::accept4(listener_.get(), nullptr, nullptr, SOCK_CLOEXEC));
  std::array<std::uint8_t, 16384> buffer;
  while (!stopping_) {
    if (!readable(connection.get())) continue;
    std::size_t want = buffer.size();
    if (closeAfter) want = std::min(want, *closeAfter - echoed_);
    const ssize_t got = ::recv(connection.get(), buffer.data(), want, 0);
    if (got <= 0 || !sendAll(connection.get(), buffer.data(), static_cast<std::size_t>(got))) {
      return;
    }
    echoed_ += static_cast<std::size_t>(got);
    if (closeAfter && echoed_ >= *closeAfter) return;  // closes the connection
  }
}

UdpEchoPeer::UdpEchoPeer() : socket_(boundSocket(SOCK_DGRAM)) {
  port_ = boundPort(socket_.get());
  thread_ = std::thread([this] { serve(); });
}

UdpEchoPeer::~UdpEchoPeer() {
  stopping_ = true;
  thread_.join();
}

void UdpEchoPeer::serve() {
  std::array<std::uint8_t, 2048> buffer;
  while (!stopping_) {
    if (!readable(socket_.get())) continue;
    sockaddr_in from{};
    socklen_t size = sizeof from;
    const ssize_t got = ::recvfrom(socket_.get(), buffer.data(), buffer.size(), 0,
                                   reinterpret_cast<sockaddr*>(&from), &size);
    if (got < 0) continue;
    ::sendto(socket_.get(), buffer.data(), static_cast<std::size_t>(got), 0,
             reinterpret_cast<const sockaddr*>(&from), size);
  }
}

UniqueFd connectTcp(const char* address, std::uint16_t port) {
  UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  const sockaddr_in target = loopback(address, port);
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&target), sizeof target) != 0) {
    return UniqueFd();
  }
  return fd;
}

}  // namespace atsharp::test
