#include "echo_peer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <system_error>

namespace atsharp::bench {
namespace {

[[noreturn]] void fail(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

// Sends all of @p size bytes; false once the connection is gone.
bool sendAll(int fd, const std::uint8_t* data, std::size_t size) {
  while (size > 0) {
    const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
  return true;
}

}  // namespace

EchoPeer::EchoPeer() {
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener_ < 0) fail("socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) < 0 ||
      ::listen(listener_, 8) < 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) < 0) {
    const int error = errno;
    ::close(listener_);
    errno = error;
    fail("echo peer on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { acceptLoop(); });
}

EchoPeer::~EchoPeer() {
  stopping_ = true;
  acceptor_.join();  // polls stopping_ every 100 ms
  ::close(listener_);
  disconnectAll();
  // No new worker can come now that the acceptor is gone.
  for (std::thread& worker : workers_) worker.join();
}

void EchoPeer::disconnectAll() {
  const std::lock_guard lock(mutex_);
  // shutdown() wakes the worker blocked in recv(); the worker closes the descriptor itself, so
  // that its number cannot be reused under it.
  for (const int fd : connections_) ::shutdown(fd, SHUT_RDWR);
}

// poll() with a timeout rather than a blocking accept(): closing a descriptor does not wake a
// thread blocked on it.
void EchoPeer::acceptLoop() {
  while (!stopping_) {
    pollfd watch{listener_, POLLIN, 0};
    if (::poll(&watch, 1, 100) <= 0) continue;
    const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    const std::lock_guard lock(mutex_);
    connections_.push_back(fd);
    workers_.emplace_back([this, fd] { serve(fd); });
    ++accepted_;
  }
}

void EchoPeer::serve(int fd) {
  std::array<std::uint8_t, 256 * 1024> buffer{};
  for (;;) {
    const ssize_t got = ::recv(fd, buffer.data(), buffer.size(), 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0 || !sendAll(fd, buffer.data(), static_cast<std::size_t>(got))) break;
  }
  // The other side finished (or the connection broke): finish ours too.
  const std::lock_guard lock(mutex_);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
  std::erase(connections_, fd);
}

}  // namespace atsharp::bench
