// E-mails sent over SMTP (3.3 SENDMAILi, 3.4 PUTMAIL) to the aiosmtpd server of fixtures/smtp,
// which stores each message with its envelope, and the refusals with their codes.

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>

#include "daemon_requests.hpp"
#include "scripted_server.hpp"
#include "transfer_checks.hpp"
#include "transfer_rig.hpp"

namespace atsharp::test {
namespace {

using namespace reference;
using catalogue::CmeError;

const std::string kHeader =
    "To: first@example.test, second@example.test\r\n"
    "Cc: copy@example.test\r\n"
    "From: module@example.test\r\n"
    "Subject: Test from the module\r\n"
    "\r\n";
const std::string kBody =
    "First line.\r\n"
    ".A line that starts with a dot.\r\n"
    "..Two dots.\r\n"
    ".\r\n"
    "Last line.\r\n";

MailRequest mail(const SmtpDaemon& server) {
  MailRequest request;
  request.server = referenceEndpoint(server.endpoint());
  request.domain = "module.example.test";
  request.sender = "module@example.test";
  request.recipients = {"first@example.test", "second@example.test"};
  request.copies = {"copy@example.test"};
  request.header = kHeader;
  request.body = kBody;
  return request;
}

std::string envelope(const std::string& sender, const std::vector<std::string>& recipients,
                     const std::string& helo, const std::string& peer) {
  std::string lines = "X-Envelope-From: " + sender + "\r\n";
  for (const std::string& recipient : recipients) lines += "X-Envelope-To: " + recipient + "\r\n";
  return lines + "X-Helo: " + helo + "\r\nX-Peer: " + peer + "\r\n";
}

int failureOf(const MailRequest& request, TransferLimits limits = {}) {
  TransferRig rig(limits);
  rig.network().sendMail(1, request);
  return failureCode(rig.runToEnd(1));
}

TEST_CASE("SMTP without AUTH delivers the envelope then the header and body as given") {
  SmtpDaemon server;
  TransferRig rig;
  rig.network().sendMail(1, mail(server));
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  CHECK(rig.eventsOf(1).size() == 1);  // a body given: no Ready
  const auto messages = server.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0] ==
        envelope("module@example.test",
                 {"first@example.test", "second@example.test", "copy@example.test"},
                 "module.example.test", "127.0.0.1") +
            kHeader + kBody);
}

TEST_CASE("SMTP with AUTH LOGIN logs in before MAIL FROM") {
  SmtpDaemon server({"--auth-required"});
  MailRequest request = mail(server);
  request.login = std::make_pair(server.user(), server.password());
  TransferRig rig;
  rig.network().sendMail(1, request);
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  const auto messages = server.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].find("X-Auth-User: " + server.user() + "\r\n") != std::string::npos);
  CHECK(messages[0].ends_with(kHeader + kBody));
}

TEST_CASE("SMTP body without a final line end gets one and a body line of one dot survives") {
  SmtpDaemon server;
  MailRequest request = mail(server);
  request.body = ".\r\nno line end";
  TransferRig rig;
  rig.network().sendMail(1, request);
  REQUIRE(is<Closed>(rig.runToEnd(1)));
  const auto messages = server.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].ends_with(kHeader + ".\r\nno line end\r\n"));
}

TEST_CASE("SMTP AUTH LOGIN refusals: the user name 38080 and the password 38081") {
  SmtpDaemon server({"--auth-required"});
  MailRequest wrongUser = mail(server);
  wrongUser.login = std::make_pair(std::string("someone-else"), server.password());
  MailRequest wrongPassword = mail(server);
  wrongPassword.login = std::make_pair(server.user(), std::string("wrong"));
  CHECK(failureOf(wrongUser) == code(CmeError::UsernameRejected));
  CHECK(failureOf(wrongPassword) == code(CmeError::PasswordRejected));
  CHECK(server.messages().empty());
}

TEST_CASE("SMTP refusals: the sender 38028 a recipient 38029 a copy 38030 the body 38031") {
  SmtpDaemon senders({"--refuse-sender", "module@example.test"});
  SmtpDaemon recipients({"--refuse-recipient", "second@example.test"});
  SmtpDaemon copies({"--refuse-recipient", "copy@example.test"});
  SmtpDaemon bodies({"--refuse-data"});
  CHECK(failureOf(mail(senders)) == code(CmeError::SenderRejected));
  CHECK(failureOf(mail(recipients)) == code(CmeError::RecipientRejected));
  CHECK(failureOf(mail(copies)) == code(CmeError::CcRecipientRejected));
  CHECK(failureOf(mail(bodies)) == code(CmeError::BodyRejected));
}

TEST_CASE("SMTP with AUTH required and no login is refused at MAIL FROM 38028") {
  SmtpDaemon server({"--auth-required"});
  CHECK(failureOf(mail(server)) == code(CmeError::SenderRejected));
}

TEST_CASE("SMTP PUTMAIL body streamed after Ready in many small sends") {
  SmtpDaemon server;
  MailRequest request = mail(server);
  request.body.reset();
  TransferRig rig;
  std::string body;
  for (int i = 0; i < 2000; ++i) {
    body += (i % 7 == 0 ? ".dotted line " : "line ") + std::to_string(i) + "\r\n";
  }
  std::size_t offset = 0;
  bool finished = false;
  auto feed = [&] {
    if (finished || !rig.had<Ready>(1)) return;
    while (offset < body.size() && rig.network().queuedToNetwork() < 4096) {
      const std::size_t n = std::min<std::size_t>(97, body.size() - offset);
      rig.network().send(1, toBytes(std::string_view(body).substr(offset, n)));
      offset += n;
    }
    if (offset == body.size()) {
      rig.network().finish(1);
      finished = true;
    }
  };
  rig.network().sendMail(1, request);
  REQUIRE(rig.runUntil([&] { return rig.had<Closed>(1) || rig.had<Failed>(1); },
                       std::chrono::seconds(20), feed));
  const auto events = rig.eventsOf(1);
  REQUIRE(events.size() == 2);
  CHECK(std::holds_alternative<Ready>(events[0]));
  CHECK(std::holds_alternative<Closed>(events[1]));
  const auto messages = server.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].ends_with(kHeader + body));
}

TEST_CASE("SMTP with no server listening is 38016") {
  MailRequest request;
  request.server = {"127.0.0.1", freePorts()};
  request.sender = "a@example.test";
  request.recipients = {"b@example.test"};
  request.body = "x\r\n";
  CHECK(failureOf(request) == code(CmeError::OpenSessionFailed));
}

TEST_CASE("SMTP whose connection drops in the middle of the body is 38031") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
    if (!playSmtpUntilData(control)) return;
    control.hear();
    control.hear();
    control.close();
  });
  MailRequest request;
  request.server = server.endpoint();
  request.domain = "module.example.test";
  request.sender = "a@example.test";
  request.recipients = {"b@example.test"};
  request.header = "Subject: cut\r\n\r\n";
  request.body = std::string(512 * 1024, 'x') + "\r\n";
  CHECK(failureOf(request) == code(CmeError::BodyRejected));
}

TEST_CASE("SMTP PUTMAIL the module gives up on mid-body ends without the end of the mail") {
  // What the server heard after DATA, and whether the body's end (a line of one dot) came.
  std::vector<std::string> heard;
  bool ended = false;
  auto server = std::make_unique<ScriptedServer>([&](ScriptedConnection& control,
                                                     ScriptedServer&) {
    if (!playSmtpUntilData(control)) return;
    while (std::optional<std::string> line = control.hear()) {
      if (*line == ".") ended = true;
      heard.push_back(*line);
    }
  });
  MailRequest request;
  request.server = server->endpoint();
  request.domain = "module.example.test";
  request.sender = "a@example.test";
  request.recipients = {"b@example.test"};
  request.header = "Subject: half\r\n\r\n";
  TransferRig rig;
  rig.network().sendMail(1, request);
  REQUIRE(rig.runUntil([&] { return rig.had<Ready>(1); }));
  rig.network().send(1, toBytes(std::string_view("half a body\r\n")));
  rig.runFor(std::chrono::milliseconds(200));
  // PUTMAIL's inactivity, or the link going: the module closes the activity mid-body.
  rig.network().close(1);
  rig.runFor(std::chrono::milliseconds(300));
  server.reset();  // its script has heard the end of the connection
  CHECK(std::find(heard.begin(), heard.end(), "half a body") != heard.end());
  CHECK_FALSE(ended);
}

}  // namespace
}  // namespace atsharp::test
