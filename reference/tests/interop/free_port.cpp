#include "free_port.hpp"

#include "socket_address.hpp"

namespace atsharp::test {

std::uint16_t freePort(const std::string& address, Protocol protocol) {
  const UniqueFd probe = boundSocket(address, 0, protocol);
  return localPort(probe.get());
}

}  // namespace atsharp::test
