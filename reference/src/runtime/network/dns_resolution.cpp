#include "dns_resolution.hpp"

#include "socket_address.hpp"

namespace atsharp::reference {

DnsResolution::DnsResolution(boost::asio::io_context& io, ActivitySink sink,
                             const SocketLimits& limits)
    : sink_(std::move(sink)), limits_(limits), channel_(std::make_shared<DnsChannel>(io)) {}

DnsResolution::~DnsResolution() { channel_->shutdown(); }

void DnsResolution::start(const std::string& localAddress, const std::string& name,
                          const std::vector<std::string>& servers, std::uint16_t port) {
  const ActivityId id = sink_.id();
  // The module does not ask for an address it already has; if it did, it is its own answer.
  if (const auto address = parseIpv4(name)) return sink_.report(Resolved{id, address->to_string()});
  const bool asked = channel_->lookUp(
      DnsLookup{localAddress, name, servers, port}, limits_,
      [sink = sink_, id](std::optional<std::string> address) {
        if (address) return sink.report(Resolved{id, std::move(*address)});
        sink.report(Failed{id, catalogue::CmeError::DnsResolutionFailed});
      });
  // No server to ask (none given, none an address), a local address that is not one, or no
  // channel: the lookup fails as one nobody answers.
  if (!asked) sink_.report(Failed{id, catalogue::CmeError::DnsResolutionFailed});
}

void DnsResolution::stop() { channel_->shutdown(); }

}  // namespace atsharp::reference
