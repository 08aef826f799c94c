#pragma once
// The fixture servers and peers (fixtures/) as services of a case: one provider per capability
// (fixtures.ftp, fixtures.smtp, fixtures.pop3, fixtures.dns, fixtures.tcp, fixtures.udp), each
// starting its fixtures for one case on the loopback addresses of the case's job, so that cases
// run at once (--jobs) never meet each other's servers. The fixture steps find these services
// in their StepContext and act on the fixtures through them.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "atsharp/fixtures/dns_fixture.hpp"
#include "atsharp/fixtures/ftp_fixture.hpp"
#include "atsharp/fixtures/pop3_fixture.hpp"
#include "atsharp/fixtures/silent_listener.hpp"
#include "atsharp/fixtures/smtp_fixture.hpp"
#include "atsharp/fixtures/tcp_peer.hpp"
#include "atsharp/fixtures/udp_peer.hpp"
#include "steps/case_services.hpp"

namespace atsharp::harness::fixture_steps {

/// The two loopback addresses of a job's fixtures: 127.1.J.1 (every server, and a peer by
/// default) and 127.1.J.2 (a second source: DNSSERV2, a second UDP or TCP peer). The reference
/// modules live in 127.0.0.0/24, so the two never share an address.
struct JobAddresses {
  std::string primary;
  std::string secondary;
};
JobAddresses jobAddresses(int job);

/// The account every fixture server of a run accepts ({{ftp.user}}, {{ftp.password}}, ...).
struct FixtureAccount {
  std::string user;
  std::string password;
};

/// fixtures.ftp: an FtpFixture ({{ftp.host}}, {{ftp.port}}, {{ftp.user}}, {{ftp.password}}).
class FtpService final : public CaseService {
 public:
  FtpService(const std::string& address, const FixtureAccount& account);
  Vars vars() const override;
  fixtures::FtpFixture& server() { return server_; }

 private:
  fixtures::FtpFixture server_;
};

/// fixtures.smtp: an SmtpFixture, and how many of its mails the steps have checked.
class SmtpService final : public CaseService {
 public:
  SmtpService(const std::string& address, const FixtureAccount& account);
  Vars vars() const override;
  fixtures::SmtpFixture& server() { return server_; }
  /// The mails smtp_expect_mail steps have taken so far (the next one is the next mail).
  std::size_t mailsChecked = 0;

 private:
  fixtures::SmtpFixture server_;
};

/// fixtures.pop3: a Pop3Fixture with an empty mailbox.
class Pop3Service final : public CaseService {
 public:
  Pop3Service(const std::string& address, const FixtureAccount& account);
  Vars vars() const override;
  fixtures::Pop3Fixture& server() { return server_; }

 private:
  fixtures::Pop3Fixture server_;
};

/// fixtures.dns: two DnsFixtures on the same port, DNSSERV1 at {{dns.host}} and DNSSERV2 at
/// {{dns.host2}}; the port ({{dns.port}}) goes into the reference module's scenario.
class DnsService final : public CaseService {
 public:
  explicit DnsService(const JobAddresses& addresses);
  Vars vars() const override;
  nlohmann::json scenario() const override;
  /// DNSSERV1's fixture (1) or DNSSERV2's (2).
  fixtures::DnsFixture& server(int which) { return which == 2 ? second_ : first_; }

 private:
  fixtures::DnsFixture first_;
  fixtures::DnsFixture second_;
};

/// A peer of fixtures.tcp: the peer, and how many received bytes steps have checked.
struct TcpPeerState {
  std::unique_ptr<fixtures::TcpPeer> peer;
  std::size_t checked = 0;
};

/// fixtures.tcp: named TCP peers, made by tcp_listen and tcp_connect steps ({{tcp.host}} and
/// {{tcp.host2}} are where they listen).
class TcpService final : public CaseService {
 public:
  explicit TcpService(JobAddresses addresses) : addresses_(std::move(addresses)) {}
  Vars vars() const override;
  const JobAddresses& addresses() const { return addresses_; }
  /// The peer named @p name, or null.
  TcpPeerState* find(const std::string& name);
  TcpPeerState& add(const std::string& name, fixtures::TcpPeer peer);
  /// A port where no connect is answered (tcp_silent), kept until the case ends.
  const fixtures::SilentListener& addSilent(const std::string& address);

 private:
  JobAddresses addresses_;
  std::map<std::string, TcpPeerState> peers_;
  std::vector<std::unique_ptr<fixtures::SilentListener>> silent_;
};

/// A peer of fixtures.udp: the peer, and how many of its datagrams steps have checked.
struct UdpPeerState {
  std::unique_ptr<fixtures::UdpPeer> peer;
  std::size_t checked = 0;
};

/// fixtures.udp: named UDP peers, made by udp_open steps.
class UdpService final : public CaseService {
 public:
  explicit UdpService(JobAddresses addresses) : addresses_(std::move(addresses)) {}
  Vars vars() const override;
  const JobAddresses& addresses() const { return addresses_; }
  UdpPeerState* find(const std::string& name);
  UdpPeerState& add(const std::string& name, fixtures::UdpPeer peer);

 private:
  JobAddresses addresses_;
  std::map<std::string, UdpPeerState> peers_;
};

/// The providers of the six fixtures.* capabilities.
std::vector<std::shared_ptr<CaseServiceProvider>> fixtureProviders();

/// The accounts of the fixture servers (their passwords are secrets of the run).
const FixtureAccount& ftpAccount();
const FixtureAccount& smtpAccount();
const FixtureAccount& pop3Account();

}  // namespace atsharp::harness::fixture_steps
