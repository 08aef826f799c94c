#include "mail_services.hpp"

#include "../interpreter/dispatch.hpp"
#include "../interpreter/module_core.hpp"
#include "name_lookup.hpp"

namespace atsharp::reference {
namespace {

using catalogue::CmeError;
using catalogue::Param;
using catalogue::Result;

std::string bodyOf(const ModuleCore& core, int combination) {
  std::string body = core.params.value(*catalogue::inCombination(Param::Body1, combination));
  if (!body.ends_with("\r\n")) body += "\r\n";
  return body;
}

}  // namespace

MailSend::MailSend(ModuleCore& core, int combination, bool hostBody)
    : ServiceBase(/*dataCoded=*/false),
      combination_(combination),
      hostBody_(hostBody),
      server_(core.params.value(Param::Smtpserv)) {
  const auto value = [&](Param p) -> const std::string& {
    return core.params.value(*catalogue::inCombination(p, combination));
  };
  request_.localAddress = localAddress(core);
  request_.server.port = portOf(core, Param::Smtpport);
  request_.domain = core.params.value(Param::Domain);
  const std::string& user = core.params.value(Param::Smtpun);
  const std::string& password = core.params.value(Param::Smtppw);
  // 3.1.14: authentication is on when both SMTPUN and SMTPPW are set.
  if (!user.empty() && !password.empty()) request_.login.emplace(user, password);
  request_.sender = core.params.value(Param::Senderaddr);
  request_.recipients = addressesOf(value(Param::Rec1));
  request_.copies = addressesOf(value(Param::Ccrec1));
  request_.header = composeHeader(core, combination);
  if (!hostBody) request_.body = bodyOf(core, combination);
}

Outcome MailSend::begin(ModuleCore& core) {
  if (server_.empty() || request_.sender.empty() || request_.recipients.empty()) {
    fail(core, CmeError::BadParameterConfiguration);
    return Outcome::Answered;
  }
  return lookUpAndReach(core, server_);
}

void MailSend::reached(ModuleCore& core, const std::string& address) {
  request_.server.address = address;
  mail_ = newActivity(core);
  core.services.port()->sendMail(mail_, request_);
}

void MailSend::onActivity(ModuleCore& core, const NetworkEvent& event) {
  if (std::holds_alternative<Ready>(event) && hostBody_) {
    // 3.4.2: the SMTP session is open; what the host sends now is the body.
    core.out.result(Result::WaitingForData);
    holdLine(core);
    armInactivity(core);
  } else if (std::holds_alternative<Closed>(event)) {
    ended(mail_);
    succeed(core, Result::Ok);
  } else if (const auto* failed = std::get_if<Failed>(&event)) {
    ended(mail_);
    core.timers.cancel(TimerId::MailInactivity);
    fail(core, failed->code);
  }
}

std::size_t MailSend::onHostData(ModuleCore& core, ByteView bytes) {
  MailBodyReader::Step step = body_.take(bytes);
  if (!step.body.empty()) core.services.port()->send(mail_, std::move(step.body), std::nullopt);
  core.link.activity(core);
  if (step.ended) {
    core.timers.cancel(TimerId::MailInactivity);
    core.services.port()->finish(mail_);
    awaitFinal(core);
  } else {
    armInactivity(core);
  }
  return step.consumed;
}

void MailSend::armInactivity(ModuleCore& core) {
  core.timers.arm(TimerId::MailInactivity, core.now + kMailBodySilence);
}

// 3.4.2: "an inactivity period of 50 seconds on the serial port" ends the mail with an error;
// 35862 is 9.2's "Timeout, no activity" (docs/spec-decisions.md).
void MailSend::onTimer(ModuleCore& core, TimerId id) {
  if (id == TimerId::MailInactivity && phase() == Phase::Line) {
    fail(core, CmeError::NoNetworkActivity);
  }
}

bool MailSend::reads(Param param, int) const {
  if (hostBody_) return commandReads("PUTMAIL", param);
  return commandReads("SENDMAIL" + std::to_string(combination_), param);
}

MailGet::MailGet(ModuleCore& core)
    : ServiceBase(/*dataCoded=*/false),
      server_(core.params.value(Param::Pop3serv)),
      withHeader_(core.params.value(Param::Pop3headermode) == "1") {
  request_.localAddress = localAddress(core);
  request_.server.port = portOf(core, Param::Pop3port);
  request_.user = core.params.value(Param::Pop3un);
  request_.password = core.params.value(Param::Pop3pw);
}

Outcome MailGet::begin(ModuleCore& core) {
  if (server_.empty()) {
    fail(core, CmeError::BadParameterConfiguration);
    return Outcome::Answered;
  }
  return lookUpAndReach(core, server_);
}

void MailGet::reached(ModuleCore& core, const std::string& address) {
  request_.server.address = address;
  retrieval_ = newActivity(core);
  core.services.port()->retrieveMail(retrieval_, request_);
}

// 3.2.2: Ok_Info_NoMail, or Ok_Info_Mail, the mail, CR LF . CR LF, and OK (A.6.2).
void MailGet::onActivity(ModuleCore& core, const NetworkEvent& event) {
  if (const auto* retrieved = std::get_if<MailRetrieved>(&event)) {
    ended(retrieval_);
    if (!retrieved->message) return succeed(core, Result::NoMail);
    core.out.result(Result::Mail);
    core.out.raw(asBytes(mailForHost(*retrieved->message, withHeader_)));
    succeed(core, Result::Ok);
  } else if (const auto* failed = std::get_if<Failed>(&event)) {
    ended(retrieval_);
    fail(core, failed->code);
  }
}

bool MailGet::reads(Param param, int) const { return commandReads("GETMAIL", param); }

}  // namespace atsharp::reference
