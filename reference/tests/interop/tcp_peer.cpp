#include "tcp_peer.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "socket_address.hpp"

namespace atsharp::test {
namespace {

[[noreturn]] void failWith(const std::string& what) {
  throw std::runtime_error("TCP peer: " + what + (errno ? std::string(": ") + std::strerror(errno) : ""));
}

}  // namespace

TcpListener::TcpListener(const std::string& address)
    : fd_(boundSocket(address, 0, Protocol::Tcp)), port_(localPort(fd_.get())) {
  if (::listen(fd_.get(), 4) != 0) failWith("listen");
}

UniqueFd TcpListener::accept(Deadline deadline) {
  errno = 0;
  if (!waitFor(fd_.get(), POLLIN, deadline)) failWith("no client came");
  UniqueFd client(::accept4(fd_.get(), nullptr, nullptr, SOCK_CLOEXEC));
  if (!client.valid()) failWith("accept");
  return client;
}

UniqueFd connectTcp(const std::string& address, std::uint16_t port) {
  UniqueFd fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
  const sockaddr_in remote = loopbackAddress(address, port);
  if (!fd.valid() ||
      ::connect(fd.get(), reinterpret_cast<const sockaddr*>(&remote), sizeof remote) != 0) {
    failWith("connect to " + address + ":" + std::to_string(port));
  }
  return fd;
}

Bytes TcpStream::readSome(std::size_t limit, Deadline deadline) {
  errno = 0;
  if (!waitFor(fd_.get(), POLLIN, deadline)) failWith("nothing to read in time");
  Bytes bytes(limit);
  const ssize_t got = ::recv(fd_.get(), bytes.data(), bytes.size(), 0);
  if (got < 0) failWith("recv");
  bytes.resize(static_cast<std::size_t>(got));
  return bytes;
}

Bytes TcpStream::readExactly(std::size_t size, Deadline deadline) {
  Bytes bytes;
  while (bytes.size() < size) {
    const Bytes more = readSome(size - bytes.size(), deadline);
    if (more.empty()) {
      errno = 0;
      failWith("the stream ended after " + std::to_string(bytes.size()) + " of " +
               std::to_string(size) + " bytes");
    }
    bytes.insert(bytes.end(), more.begin(), more.end());
  }
  return bytes;
}

void TcpStream::writeAll(ByteView bytes, Deadline deadline) {
  while (!bytes.empty()) {
    errno = 0;
    if (!waitFor(fd_.get(), POLLOUT, deadline)) failWith("could not write in time");
    const ssize_t sent = ::send(fd_.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0) failWith("send");
    bytes = bytes.subspan(static_cast<std::size_t>(sent));
  }
}

void TcpStream::close() { fd_.reset(); }

void TcpStream::reset() {
  const linger abort{1, 0};
  ::setsockopt(fd_.get(), SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
  fd_.reset();
}

Echoed echo(TcpStream& stream, std::optional<std::size_t> closeAfter, Deadline deadline) {
  Echoed echoed;
  while (!closeAfter || echoed.received.size() < *closeAfter) {
    const std::size_t limit =
        closeAfter ? std::min<std::size_t>(65536, *closeAfter - echoed.received.size()) : 65536;
    const Bytes chunk = stream.readSome(limit, deadline);
    if (chunk.empty()) {
      echoed.endOfStream = true;
      break;
    }
    echoed.received.insert(echoed.received.end(), chunk.begin(), chunk.end());
    stream.writeAll(chunk, deadline);
  }
  stream.close();
  return echoed;
}

}  // namespace atsharp::test
