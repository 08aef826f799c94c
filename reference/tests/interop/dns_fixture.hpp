#pragma once
// dnsmasq on 127.0.0.1 and a free port (fixtures/dns/dnsmasq.sh), answering the A records it
// is given and refusing every other name.

#include <cstdint>
#include <string>
#include <vector>

#include "fixture_servers.hpp"

namespace atsharp::test {

class DnsServer {
 public:
  /// @p records as "name=address".
  explicit DnsServer(const std::vector<std::string>& records);
  ~DnsServer();
  DnsServer(const DnsServer&) = delete;
  DnsServer& operator=(const DnsServer&) = delete;

  std::uint16_t port() const noexcept { return port_; }

 private:
  TempDir dir_;
  std::uint16_t port_;
};

}  // namespace atsharp::test
