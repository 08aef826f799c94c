#pragma once
// The real daemons of fixtures/ (vsftpd, dovecot, the aiosmtpd server) as services of a case,
// for the interop suites: a module must get along with the servers it will meet, not only with
// the scripted fixtures. One provider per capability (daemons.ftp, daemons.pop3, daemons.smtp,
// daemons.dns);
// each daemon is started for a case that requires it and stopped after it. The daemons listen
// on 127.0.0.1 and ports nobody else holds, so the cases of several jobs never meet.

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "atsharp/fixtures/daemons/dnsmasq_server.hpp"
#include "atsharp/fixtures/daemons/dovecot_server.hpp"
#include "atsharp/fixtures/daemons/smtp_daemon.hpp"
#include "atsharp/fixtures/daemons/vsftpd_server.hpp"
#include "steps/case_services.hpp"

namespace atsharp::harness::fixture_steps {

/// daemons.ftp: vsftpd ({{vsftpd.host}}, {{vsftpd.port}}, {{vsftpd.user}}, {{vsftpd.password}}).
/// One at a time in a process: VsftpdServer names its system user after the process, so two
/// at once (cases of two jobs) would share the user, and the first to stop would delete it
/// under the other. A case of another job waits for the daemon to stop.
class VsftpdService final : public CaseService {
 public:
  VsftpdService();
  Vars vars() const override;
  fixtures::VsftpdServer& server() { return server_; }

 private:
  std::unique_lock<std::mutex> only_;  // first: held until the daemon stopped
  fixtures::VsftpdServer server_;
};

/// daemons.pop3: dovecot with an empty mailbox ({{dovecot.host}}, ...).
class DovecotService final : public CaseService {
 public:
  DovecotService();
  Vars vars() const override;
  fixtures::DovecotServer& server() { return server_; }

 private:
  fixtures::DovecotServer server_;
};

/// daemons.smtp: the aiosmtpd server ({{smtpd.host}}, ...), and how many of its mails the steps
/// have checked.
class SmtpdService final : public CaseService {
 public:
  SmtpdService();
  Vars vars() const override;
  fixtures::SmtpDaemon& server() { return server_; }
  /// The mails smtpd_expect_mail steps have taken so far (the next one is the next mail).
  std::size_t mailsChecked = 0;

 private:
  fixtures::SmtpDaemon server_;
};

/// daemons.dns: dnsmasq ({{dnsmasq.host}}, {{dnsmasq.port}}), knowing the daemons' names
/// ({{dnsmasq.ftp_name}}, {{dnsmasq.mail_name}}: 127.0.0.1) and refusing every other. Its
/// records are fixed when it starts, before the module (whose scenario gets its port), so no
/// step changes them: a name a case needs is one of these.
class DnsmasqService final : public CaseService {
 public:
  DnsmasqService();
  Vars vars() const override;
  nlohmann::json scenario() const override;

 private:
  fixtures::DnsmasqServer server_;
};

/// The providers of daemons.pop3, daemons.smtp and daemons.dns, and of daemons.ftp when this process runs
/// as root (vsftpd needs it): without it a case that requires daemons.ftp is skipped, as for
/// any capability nobody offers.
std::vector<std::shared_ptr<CaseServiceProvider>> daemonProviders();

}  // namespace atsharp::harness::fixture_steps
