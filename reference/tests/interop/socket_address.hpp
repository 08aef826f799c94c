#pragma once
// IPv4 sockets of the tests' peers, on loopback addresses only.

#include <netinet/in.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "atsharp/transport/unique_fd.hpp"

namespace atsharp::test {

enum class Protocol { Tcp, Udp };

/// @p address:@p port; throws unless @p address is a dotted address in 127.0.0.0/8.
sockaddr_in loopbackAddress(const std::string& address, std::uint16_t port);

/// A socket bound to @p address:@p port (0: a port the kernel picks); throws when it cannot.
UniqueFd boundSocket(const std::string& address, std::uint16_t port, Protocol protocol);

/// The port a socket is bound to.
std::uint16_t localPort(int fd);

/// Waits until @p fd has @p events (POLLIN, POLLOUT); false at the deadline.
bool waitFor(int fd, short events, std::chrono::steady_clock::time_point deadline);

}  // namespace atsharp::test
