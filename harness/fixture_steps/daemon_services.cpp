#include "fixture_steps/daemon_services.hpp"

#include <set>
#include <string>

#include "atsharp/error.hpp"
#include "atsharp/fixtures/daemons/fixture_script.hpp"

namespace atsharp::harness::fixture_steps {
namespace {

// The daemons' passwords, which a report must mask. The daemon classes fix them per instance;
// the providers must name them before any daemon runs, so they are repeated here and every
// start checks that they still agree (a password the report would show is a setup error).
const std::string kVsftpdPassword = "ftp pass:word";
const std::string kDovecotPassword = "pop pass word";
const std::string kSmtpdPassword = "smtp pass word";

void checkSecret(const std::string& capability, const std::string& password,
                 const std::string& secret) {
  if (password != secret) {
    throw Error(capability + "'s daemon has a password the harness does not mask: update "
                "daemon_services.cpp");
  }
}

Vars accountVars(const std::string& prefix, const fixtures::Endpoint& endpoint,
                 const std::string& user, const std::string& password) {
  return {{prefix + ".host", endpoint.address},
          {prefix + ".port", std::to_string(endpoint.port)},
          {prefix + ".user", user},
          {prefix + ".password", password}};
}

template <class Service>
class DaemonProvider final : public CaseServiceProvider {
 public:
  DaemonProvider(std::string capability, std::string secret)
      : capability_(std::move(capability)), secret_(std::move(secret)) {}

  std::string capability() const override { return capability_; }
  // A daemon serves on 127.0.0.1 and a free port: the job does not change where.
  std::unique_ptr<CaseService> start(const ServiceRequest&) override {
    auto service = std::make_unique<Service>();
    checkSecret(capability_, service->server().password(), secret_);
    return service;
  }
  std::set<std::string> secrets() const override { return {secret_}; }

 private:
  std::string capability_;
  std::string secret_;
};

// dnsmasq has no account: nothing to mask.
class DnsmasqProvider final : public CaseServiceProvider {
 public:
  std::string capability() const override { return "daemons.dns"; }
  std::unique_ptr<CaseService> start(const ServiceRequest&) override {
    return std::make_unique<DnsmasqService>();
  }
};

}  // namespace

namespace {
std::mutex& vsftpdInProcess() {
  static std::mutex mutex;
  return mutex;
}
}  // namespace

VsftpdService::VsftpdService() : only_(vsftpdInProcess()) {}

Vars VsftpdService::vars() const {
  return accountVars("vsftpd", server_.endpoint(), server_.user(), server_.password());
}

DovecotService::DovecotService() = default;

Vars DovecotService::vars() const {
  return accountVars("dovecot", server_.endpoint(), server_.user(), server_.password());
}

SmtpdService::SmtpdService() : server_({"--auth-required"}) {}

Vars SmtpdService::vars() const {
  return accountVars("smtpd", server_.endpoint(), server_.user(), server_.password());
}

namespace {
// The names dnsmasq resolves, to where the other daemons listen.
const std::string kFtpName = "ftp.interop.test";
const std::string kMailName = "mail.interop.test";
}  // namespace

DnsmasqService::DnsmasqService()
    : server_({kFtpName + "=127.0.0.1", kMailName + "=127.0.0.1"}) {}

Vars DnsmasqService::vars() const {
  return {{"dnsmasq.host", server_.endpoint().address},
          {"dnsmasq.port", std::to_string(server_.port())},
          {"dnsmasq.ftp_name", kFtpName},
          {"dnsmasq.mail_name", kMailName}};
}

// The reference module asks its DNS servers on this port, as for fixtures.dns.
nlohmann::json DnsmasqService::scenario() const {
  return {{"network", {{"dns_port", server_.port()}}}};
}

std::vector<std::shared_ptr<CaseServiceProvider>> daemonProviders() {
  std::vector<std::shared_ptr<CaseServiceProvider>> providers{
      std::make_shared<DaemonProvider<DovecotService>>("daemons.pop3", kDovecotPassword),
      std::make_shared<DaemonProvider<SmtpdService>>("daemons.smtp", kSmtpdPassword),
      std::make_shared<DnsmasqProvider>(),
  };
  if (fixtures::isRoot()) {
    providers.push_back(
        std::make_shared<DaemonProvider<VsftpdService>>("daemons.ftp", kVsftpdPassword));
  }
  return providers;
}

}  // namespace atsharp::harness::fixture_steps
