#pragma once
// The fixture servers and peers as the suites use them: the step kinds (ftp_put_file,
// smtp_expect_mail, tcp_listen, ...) for a StepRegistry, and the providers of the services
// they act on (fixtures.ftp, ...) for RunOptions::services. suites/README.md ("Fixture steps")
// documents every kind; suites/schema.json has their forms.

#include <memory>
#include <vector>

#include "steps/case_services.hpp"
#include "steps/step_registry.hpp"

namespace atsharp::harness {

/// Adds the fixture step kinds to @p registry, with the variables each capability's service
/// gives ({{ftp.host}}, ...).
void addFixtureSteps(StepRegistry& registry);

/// The providers of fixtures.ftp, fixtures.smtp, fixtures.pop3, fixtures.dns, fixtures.tcp and
/// fixtures.udp: each starts its fixtures for a case on the loopback addresses of the case's
/// job; and of the real daemons, daemons.pop3, daemons.smtp, daemons.dns and (as root)
/// daemons.ftp (daemon_services.hpp).
std::vector<std::shared_ptr<CaseServiceProvider>> fixtureServices();

}  // namespace atsharp::harness
