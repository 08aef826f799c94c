#pragma once
// The TCP address the module serves its line on. Only loopback addresses (127.0.0.0/8) are
// taken: the line carries every parameter, passwords included, without authentication, so it
// must never be reachable from another machine.

#include <cstdint>
#include <string>
#include <string_view>

namespace atsharp::reference {

struct ListenAddress {
  std::string host;        ///< a dotted IPv4 address in 127.0.0.0/8
  std::uint16_t port = 0;  ///< 0: any free port
};

/// Reads HOST:PORT ("localhost" is 127.0.0.1). Throws UsageError quoting @p text and saying
/// what is wrong: no port, a bad port, a host that is not an IPv4 loopback address.
ListenAddress parseListenAddress(std::string_view text);

}  // namespace atsharp::reference
