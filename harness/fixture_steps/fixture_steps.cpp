#include "fixture_steps/fixture_steps.hpp"

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
  // What each service's vars() gives, for the loader's check of the variables a case uses.
  registry.offerVariables("fixtures.ftp", {"ftp.host", "ftp.port", "ftp.user", "ftp.password"});
  registry.offerVariables("fixtures.smtp",
                          {"smtp.host", "smtp.port", "smtp.user", "smtp.password"});
  registry.offerVariables("fixtures.pop3",
                          {"pop3.host", "pop3.port", "pop3.user", "pop3.password"});
  registry.offerVariables("fixtures.dns", {"dns.host", "dns.host2", "dns.port"});
  registry.offerVariables("fixtures.tcp", {"tcp.host", "tcp.host2"});
  registry.offerVariables("fixtures.udp", {"udp.host", "udp.host2"});
}

std::vector<std::shared_ptr<CaseServiceProvider>> fixtureServices() {
  return fixture_steps::fixtureProviders();
}

}  // namespace atsharp::harness
