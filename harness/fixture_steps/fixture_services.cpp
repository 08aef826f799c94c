#include "fixture_steps/fixture_services.hpp"

#include "atsharp/error.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

std::string portText(const fixtures::Endpoint& endpoint) { return std::to_string(endpoint.port); }

// A provider that starts one kind of service for each case.
class Provider final : public CaseServiceProvider {
 public:
  using Start = std::unique_ptr<CaseService> (*)(const JobAddresses&);
  Provider(std::string capability, Start start, std::set<std::string> secrets = {})
      : capability_(std::move(capability)), start_(start), secrets_(std::move(secrets)) {}

  std::string capability() const override { return capability_; }
  std::unique_ptr<CaseService> start(const ServiceRequest& request) override {
    return start_(jobAddresses(request.job));
  }
  std::set<std::string> secrets() const override { return secrets_; }

 private:
  std::string capability_;
  Start start_;
  std::set<std::string> secrets_;
};

// The DNS fixtures of one job share a port on two addresses: another program may hold that
// port on the second address, so a few ports are tried.
constexpr int kDnsPortAttempts = 16;

fixtures::DnsFixture secondDnsFixture(const std::string& address, std::uint16_t port) {
  return fixtures::DnsFixture(fixtures::DnsOptions{.address = address, .port = port});
}

}  // namespace

JobAddresses jobAddresses(int job) {
  if (job < 0 || job > 255) throw UsageError("a job number runs from 0 to 255");
  const std::string prefix = "127.1." + std::to_string(job) + ".";
  return {prefix + "1", prefix + "2"};
}

const FixtureAccount& ftpAccount() {
  static const FixtureAccount account{"fixture", "ftp-fixture-secret"};
  return account;
}
const FixtureAccount& smtpAccount() {
  static const FixtureAccount account{"fixture", "smtp-fixture-secret"};
  return account;
}
const FixtureAccount& pop3Account() {
  static const FixtureAccount account{"fixture", "pop3-fixture-secret"};
  return account;
}

FtpService::FtpService(const std::string& address, const FixtureAccount& account)
    : server_(fixtures::FtpOptions{
          .address = address, .user = account.user, .password = account.password}) {}

Vars FtpService::vars() const {
  const auto& options = server_.options();
  return {{"ftp.host", server_.endpoint().address},
          {"ftp.port", portText(server_.endpoint())},
          {"ftp.user", options.user},
          {"ftp.password", options.password}};
}

SmtpService::SmtpService(const std::string& address, const FixtureAccount& account)
    : server_(fixtures::SmtpOptions{
          .address = address, .user = account.user, .password = account.password}) {}

Vars SmtpService::vars() const {
  const auto& options = server_.options();
  return {{"smtp.host", server_.endpoint().address},
          {"smtp.port", portText(server_.endpoint())},
          {"smtp.user", options.user},
          {"smtp.password", options.password}};
}

Pop3Service::Pop3Service(const std::string& address, const FixtureAccount& account)
    : server_(fixtures::Pop3Options{
          .address = address, .user = account.user, .password = account.password}) {}

Vars Pop3Service::vars() const {
  const auto& options = server_.options();
  return {{"pop3.host", server_.endpoint().address},
          {"pop3.port", portText(server_.endpoint())},
          {"pop3.user", options.user},
          {"pop3.password", options.password}};
}

DnsService::DnsService(const JobAddresses& addresses)
    : first_(fixtures::DnsOptions{.address = addresses.primary}),
      second_([&] {
        for (int attempt = 1;; ++attempt) {
          try {
            return secondDnsFixture(addresses.secondary, first_.endpoint().port);
          } catch (const fixtures::FixtureError&) {
            if (attempt == kDnsPortAttempts) throw;
            first_ = fixtures::DnsFixture(fixtures::DnsOptions{.address = addresses.primary});
          }
        }
      }()) {}

Vars DnsService::vars() const {
  return {{"dns.host", first_.endpoint().address},
          {"dns.host2", second_.endpoint().address},
          {"dns.port", portText(first_.endpoint())}};
}

nlohmann::json DnsService::scenario() const {
  return {{"network", {{"dns_port", first_.endpoint().port}}}};
}

Vars TcpService::vars() const {
  return {{"tcp.host", addresses_.primary}, {"tcp.host2", addresses_.secondary}};
}

TcpPeerState* TcpService::find(const std::string& name) {
  const auto found = peers_.find(name);
  return found == peers_.end() ? nullptr : &found->second;
}

TcpPeerState& TcpService::add(const std::string& name, fixtures::TcpPeer peer) {
  TcpPeerState& state = peers_[name];
  state.peer = std::make_unique<fixtures::TcpPeer>(std::move(peer));
  state.checked = 0;
  return state;
}

const fixtures::SilentListener& TcpService::addSilent(const std::string& address) {
  silent_.push_back(std::make_unique<fixtures::SilentListener>(address));
  return *silent_.back();
}

Vars UdpService::vars() const {
  return {{"udp.host", addresses_.primary}, {"udp.host2", addresses_.secondary}};
}

UdpPeerState* UdpService::find(const std::string& name) {
  const auto found = peers_.find(name);
  return found == peers_.end() ? nullptr : &found->second;
}

UdpPeerState& UdpService::add(const std::string& name, fixtures::UdpPeer peer) {
  UdpPeerState& state = peers_[name];
  state.peer = std::make_unique<fixtures::UdpPeer>(std::move(peer));
  state.checked = 0;
  return state;
}

std::vector<std::shared_ptr<CaseServiceProvider>> fixtureProviders() {
  using Addresses = const JobAddresses&;
  return {
      std::make_shared<Provider>(
          "fixtures.ftp",
          [](Addresses at) -> std::unique_ptr<CaseService> {
            return std::make_unique<FtpService>(at.primary, ftpAccount());
          },
          std::set<std::string>{ftpAccount().password}),
      std::make_shared<Provider>(
          "fixtures.smtp",
          [](Addresses at) -> std::unique_ptr<CaseService> {
            return std::make_unique<SmtpService>(at.primary, smtpAccount());
          },
          std::set<std::string>{smtpAccount().password}),
      std::make_shared<Provider>(
          "fixtures.pop3",
          [](Addresses at) -> std::unique_ptr<CaseService> {
            return std::make_unique<Pop3Service>(at.primary, pop3Account());
          },
          std::set<std::string>{pop3Account().password}),
      std::make_shared<Provider>(
          "fixtures.dns",
          [](Addresses at) -> std::unique_ptr<CaseService> {
            return std::make_unique<DnsService>(at);
          }),
      std::make_shared<Provider>(
          "fixtures.tcp",
          [](Addresses at) -> std::unique_ptr<CaseService> {
            return std::make_unique<TcpService>(at);
          }),
      std::make_shared<Provider>(
          "fixtures.udp",
          [](Addresses at) -> std::unique_ptr<CaseService> {
            return std::make_unique<UdpService>(at);
          }),
  };
}

}  // namespace atsharp::harness::fixture_steps
