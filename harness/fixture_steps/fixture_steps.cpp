#include "fixture_steps/fixture_steps.hpp"

#include "fixture_steps/daemon_services.hpp"
#include "fixture_steps/fixture_kinds.hpp"
#include "fixture_steps/fixture_services.hpp"

namespace atsharp::harness {

void addFixtureSteps(StepRegistry& registry) {
  fixture_steps::addServerSteps(registry);
  fixture_steps::addFtpSteps(registry);
  fixture_steps::addMailSteps(registry);
  fixture_steps::addDnsSteps(registry);
  fixture_steps::addTcpSteps(registry);
  fixture_steps::addUdpSteps(registry);
  fixture_steps::addDaemonSteps(registry);
  // What each service's vars() gives, for the loader's check of the variables a case uses.
  registry.offerVariables("fixtures.ftp", {"ftp.host", "ftp.port", "ftp.user", "ftp.password"});
  registry.offerVariables("fixtures.smtp",
                          {"smtp.host", "smtp.port", "smtp.user", "smtp.password"});
  registry.offerVariables("fixtures.pop3",
                          {"pop3.host", "pop3.port", "pop3.user", "pop3.password"});
  registry.offerVariables("fixtures.dns", {"dns.host", "dns.host2", "dns.port"});
  registry.offerVariables("fixtures.tcp", {"tcp.host", "tcp.host2"});
  registry.offerVariables("fixtures.udp", {"udp.host", "udp.host2"});
  registry.offerVariables("daemons.ftp",
                          {"vsftpd.host", "vsftpd.port", "vsftpd.user", "vsftpd.password"});
  registry.offerVariables("daemons.pop3",
                          {"dovecot.host", "dovecot.port", "dovecot.user", "dovecot.password"});
  registry.offerVariables("daemons.smtp",
                          {"smtpd.host", "smtpd.port", "smtpd.user", "smtpd.password"});
  registry.offerVariables("daemons.dns", {"dnsmasq.host", "dnsmasq.port", "dnsmasq.ftp_name",
                                          "dnsmasq.mail_name"});
}

std::vector<std::shared_ptr<CaseServiceProvider>> fixtureServices() {
  auto providers = fixture_steps::fixtureProviders();
  for (auto& daemon : fixture_steps::daemonProviders()) providers.push_back(std::move(daemon));
  return providers;
}

}  // namespace atsharp::harness
