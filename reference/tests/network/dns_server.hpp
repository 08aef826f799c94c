#pragma once
// A real DNS server for the tests: dnsmasq started by fixtures/dns/dnsmasq.sh on 127.0.0.1 and
// a free unprivileged port, stopped again when the object goes.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace atsharp::reference::test {

class DnsServer {
 public:
  /// Starts dnsmasq answering @p records ("name=address"); throws if it cannot.
  explicit DnsServer(const std::vector<std::string>& records);
  ~DnsServer();
  DnsServer(const DnsServer&) = delete;
  DnsServer& operator=(const DnsServer&) = delete;

  std::uint16_t port() const noexcept { return port_; }

 private:
  std::filesystem::path stateDir_;
  std::uint16_t port_ = 0;
};

}  // namespace atsharp::reference::test
