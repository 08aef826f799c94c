#include "atsharp/transport/tcp_transport.hpp"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <utility>

#include "atsharp/error.hpp"
#include "atsharp/transport/target_url.hpp"
#include "poll_wait.hpp"
#include "system_error.hpp"

namespace atsharp {
namespace {

struct AddressesFree {
  void operator()(addrinfo* list) const noexcept { ::freeaddrinfo(list); }
};
using Addresses = std::unique_ptr<addrinfo, AddressesFree>;

Addresses resolve(const std::string& host, std::uint16_t port, const std::string& target) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* list = nullptr;
  const int result = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &list);
  if (result != 0) {
    const std::string reason =
        result == EAI_SYSTEM ? detail::errorText(errno) : std::string(::gai_strerror(result));
    throw TransportError("cannot connect to " + target + ": cannot resolve \"" + host +
                         "\": " + reason);
  }
  return Addresses(list);
}

// Waits for a non-blocking connect to finish; returns its errno (0 once connected).
int awaitConnect(int fd, Deadline deadline) {
  for (;;) {
    pollfd entry{fd, POLLOUT, 0};
    const int ready = ::poll(&entry, 1, detail::pollTimeoutMs(deadline));
    if (ready < 0 && errno != EINTR) {
      return errno;
    }
    if (ready > 0) {
      int error = 0;
      socklen_t size = sizeof error;
      if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size) < 0) {
        return errno;
      }
      return error;
    }
    if (ready == 0 && Clock::now() >= deadline) {
      return ETIMEDOUT;
    }
  }
}

// One address: a socket connected by the deadline, or an invalid one and @p error set.
UniqueFd connectTo(const addrinfo& address, Deadline deadline, int& error) {
  UniqueFd fd(::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                       address.ai_protocol));
  if (!fd) {
    error = errno;
    return fd;
  }
  error = ::connect(fd.get(), address.ai_addr, address.ai_addrlen) == 0 ? 0 : errno;
  if (error == EINPROGRESS) {
    error = awaitConnect(fd.get(), deadline);
  }
  if (error != 0) {
    fd.reset();
  }
  return fd;
}

void setNoDelay(int fd, const std::string& target) {
  const int on = 1;
  if (::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) < 0) {
    detail::throwSystemError(target + ": cannot set TCP_NODELAY", errno);
  }
}

}  // namespace

std::unique_ptr<TcpTransport> TcpTransport::connect(const std::string& host, std::uint16_t port,
                                                    Deadline deadline) {
  const std::string target = atsharp::describe(TcpTarget{host, port});
  if (host.empty() || port == 0) {
    throw UsageError("cannot connect to " + target +
                     ": a host and a port from 1 to 65535 are needed");
  }
  const Addresses addresses = resolve(host, port, target);
  int error = EADDRNOTAVAIL;
  for (const addrinfo* address = addresses.get(); address != nullptr; address = address->ai_next) {
    UniqueFd socket = connectTo(*address, deadline, error);
    if (socket) {
      setNoDelay(socket.get(), target);
      return std::unique_ptr<TcpTransport>(new TcpTransport(std::move(socket), target));
    }
  }
  detail::throwSystemError("cannot connect to " + target, error);
}

TcpTransport::TcpTransport(UniqueFd socket, std::string description)
    : FdTransport(std::move(socket), std::move(description)) {}

}  // namespace atsharp
