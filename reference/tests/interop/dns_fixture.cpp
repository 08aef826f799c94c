#include "dns_fixture.hpp"

namespace atsharp::test {

DnsServer::DnsServer(const std::vector<std::string>& records) : port_(freePorts()) {
  std::vector<std::string> arguments{"start", (dir_.path() / "dns").string(),
                                     std::to_string(port_)};
  arguments.insert(arguments.end(), records.begin(), records.end());
  runScript("dns/dnsmasq.sh", arguments);
}

DnsServer::~DnsServer() {
  try {
    runScript("dns/dnsmasq.sh", {"stop", (dir_.path() / "dns").string()});
  } catch (...) {
    // Nothing to do: the directory goes anyway, and a test does not fail at its end for this.
  }
}

}  // namespace atsharp::test
