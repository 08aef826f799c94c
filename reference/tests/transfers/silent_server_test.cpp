// Servers that stop answering after the login: every transfer still ends, with the code
// docs/reference-module.md gives for where it stopped, within its limits. libcurl checks its
// reply timeout only when something makes it run, and a silent server leaves its sockets idle:
// such a transfer ended only if another timer of libcurl's happened to come due after the
// reply's deadline (its connect timeout, when set longer than the reply timeout), never with
// the default limits; an upload the server stopped taking had no bound at all. The transfers
// now have a watch of their own (SilenceWatch).

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "atsharp/fixtures/ftp_fixture.hpp"
#include "atsharp/fixtures/pop3_fixture.hpp"
#include "atsharp/fixtures/smtp_fixture.hpp"
#include "daemon_requests.hpp"
#include "scripted_server.hpp"
#include "transfer_checks.hpp"
#include "transfer_rig.hpp"

namespace atsharp::test {
namespace {

using namespace reference;
using namespace std::chrono_literals;
using catalogue::CmeError;

// Short limits, so that each case takes about a second; the wait for the final event is
// generous (a loaded machine is slow), yet far below the 120 s a lost wake-up would take.
TransferLimits shortLimits() {
  TransferLimits limits;
  limits.connectTimeout = 500ms;
  limits.replyTimeout = 1s;
  limits.stallTimeout = 2s;
  return limits;
}
constexpr auto kEndWithin = 15s;

FtpRequest ftpRequest(const fixtures::FtpFixture& server, const std::string& file) {
  FtpRequest request;
  request.server = referenceEndpoint(server.endpoint());
  request.user = server.options().user;
  request.password = server.options().password;
  request.file = file;
  return request;
}

// A mail to @p server whose body the module streams (PUTMAIL).
MailRequest mailTo(const reference::Endpoint& server, const std::string& subject) {
  MailRequest request;
  request.server = server;
  request.domain = "module.example.test";
  request.sender = "module@example.test";
  request.recipients = {"someone@example.test"};
  request.header = "Subject: " + subject + "\r\n\r\n";
  return request;
}

MailRequest mailRequest(const fixtures::SmtpFixture& server) {
  return mailTo(referenceEndpoint(server.endpoint()), "silence");
}

/// The code of @p id's final event, which must come within kEndWithin and be a Failed.
int failureWithin(TransferRig& rig, ActivityId id) {
  const std::optional<NetworkEvent> final = rig.runToEnd(id, kEndWithin);
  REQUIRE_MESSAGE(final.has_value(), "the transfer never ended");
  return failureCode(final);
}

TEST_CASE("FTP get from a server silent from RETR on ends with 38024") {
  fixtures::FtpFixture server;
  server.putFile("file.bin", toBytes(std::string_view("never sent")));
  fixtures::FtpFaults faults;
  faults.silentFrom = "RETR";
  server.setFaults(faults);
  TransferRig rig(shortLimits());
  rig.network().ftpGet(1, ftpRequest(server, "file.bin"));
  const int failure = failureWithin(rig, 1);
  CHECK(failure == code(CmeError::DataRetrieveFailed));
  CHECK_FALSE(rig.had<Ready>(1));
  CHECK(server.waitForCommand("RETR", 1s));
}

TEST_CASE("FTP get from a server silent from CWD on ends with 38024") {
  fixtures::FtpFixture server;
  server.makeDirectory("dir");
  fixtures::FtpFaults faults;
  faults.silentFrom = "CWD";
  server.setFaults(faults);
  TransferRig rig(shortLimits());
  FtpRequest request = ftpRequest(server, "file.bin");
  request.path = "dir";
  rig.network().ftpGet(1, request);
  // CWD not refused, only unanswered: the session was open, the file was not retrieved.
  const int failure = failureWithin(rig, 1);
  CHECK(failure == code(CmeError::DataRetrieveFailed));
  CHECK(server.waitForCommand("CWD", 1s));
}

TEST_CASE("FTP put to a server silent from STOR on ends with 38017") {
  fixtures::FtpFixture server;
  fixtures::FtpFaults faults;
  faults.silentFrom = "STOR";
  server.setFaults(faults);
  TransferRig rig(shortLimits());
  rig.network().ftpPut(1, ftpRequest(server, "up.bin"));
  rig.network().send(1, toBytes(std::string_view("some data")));
  rig.network().finish(1);
  const int failure = failureWithin(rig, 1);
  CHECK(failure == code(CmeError::DataSendFailed));
  CHECK_FALSE(rig.had<Ready>(1));
  CHECK(server.waitForCommand("STOR", 1s));
}

TEST_CASE("FTP get whose server never confirms the file ends with 38024") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer& self) {
    if (playFtpUntilTransfer(control, self) != "RETR") return;
    ScriptedConnection data = self.acceptData();
    control.say("150 Here it comes.");
    data.write("the whole file");
    data.close();
    control.hear();  // no 226: silent until the client gives up
  });
  TransferRig rig(shortLimits());
  FtpRequest request;
  request.server = server.endpoint();
  request.file = "unconfirmed";
  rig.network().ftpGet(1, request);
  const int failure = failureWithin(rig, 1);
  CHECK(failure == code(CmeError::DataRetrieveFailed));
  CHECK(asString(rig.receivedOf(1)) == "the whole file");
}

// A mail to an SMTP fixture that stops answering from @p command on: the code the send ends with.
int failureOfSmtpSilentFrom(fixtures::SmtpFixture& server, const std::string& command) {
  fixtures::SmtpFaults faults;
  faults.silentFrom = command;
  server.setFaults(faults);
  TransferRig rig(shortLimits());
  MailRequest request = mailRequest(server);
  request.body = "body\r\n";
  rig.network().sendMail(1, request);
  return failureWithin(rig, 1);
}

TEST_CASE("SMTP server silent from DATA on ends with 38031") {
  fixtures::SmtpFixture server;
  CHECK(failureOfSmtpSilentFrom(server, "DATA") == code(CmeError::BodyRejected));
  CHECK(server.mails().empty());
}

TEST_CASE("SMTP server silent from RCPT on ends with 38029") {
  fixtures::SmtpFixture server;
  CHECK(failureOfSmtpSilentFrom(server, "RCPT") == code(CmeError::RecipientRejected));
  CHECK(server.mails().empty());
}

TEST_CASE("SMTP PUTMAIL whose server goes silent after the body ends with 38031") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
    if (!playSmtpUntilData(control)) return;
    while (std::optional<std::string> line = control.hear()) {
      if (*line == ".") break;
    }
    control.hear();  // no 250: silent until the client gives up
  });
  TransferRig rig(shortLimits());
  const MailRequest request = mailTo(server.endpoint(), "unconfirmed");
  rig.network().sendMail(1, request);
  REQUIRE(rig.runUntil([&] { return rig.had<Ready>(1); }, kEndWithin));
  rig.network().send(1, toBytes(std::string_view("a body\r\n")));
  rig.network().finish(1);
  const int failure = failureWithin(rig, 1);
  CHECK(failure == code(CmeError::BodyRejected));
}

TEST_CASE("SMTP PUTMAIL whose server stops reading in the middle of the body ends with 38031") {
  // After 354 the server reads a little of the body, then nothing more, still connected: the
  // module's data fills the socket buffers and stays there.
  std::atomic<bool> over = false;
  ScriptedServer server([&](ScriptedConnection& control, ScriptedServer&) {
    if (!playSmtpUntilData(control)) return;
    control.drain(1000);
    for (int i = 0; i < 400 && !over; ++i) std::this_thread::sleep_for(50ms);
  });
  TransferRig rig(shortLimits());
  const MailRequest request = mailTo(server.endpoint(), "unread");
  const Bytes line = toBytes(std::string(998, 'x') + "\r\n");
  // The host keeps typing, as far as the module lets it (the bytes libcurl has not taken stay
  // below 64 KiB).
  auto type = [&] {
    if (!rig.had<Ready>(1) || rig.had<Failed>(1)) return;
    while (rig.network().queuedToNetwork() < 64 * 1024) rig.network().send(1, line);
  };
  rig.network().sendMail(1, request);
  const bool ended =
      rig.runUntil([&] { return rig.had<Failed>(1) || rig.had<Closed>(1); }, kEndWithin, type);
  over = true;
  REQUIRE_MESSAGE(ended, "the transfer never ended");
  CHECK(rig.had<Ready>(1));
  CHECK(failureCode(rig.eventsOf(1).back()) == code(CmeError::BodyRejected));
}

TEST_CASE("SMTP PUTMAIL whose server hangs up while the body waits for the host ends with 38031") {
  // The host typed a line and then nothing: libcurl's upload is paused and watches no socket.
  // Neither the reply nor the stall limit runs while the transfer waits for the module, and
  // this rig has no module timer (PUTMAIL's 50 s): only the server's hang-up can end it.
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
    if (!playSmtpUntilData(control)) return;
    control.hear();  // the first line of the body
    control.close();
  });
  TransferRig rig(shortLimits());
  const MailRequest request = mailTo(server.endpoint(), "hung up");
  rig.network().sendMail(1, request);
  REQUIRE(rig.runUntil([&] { return rig.had<Ready>(1); }, kEndWithin));
  rig.network().send(1, toBytes(std::string_view("the only line\r\n")));
  CHECK(failureWithin(rig, 1) == code(CmeError::BodyRejected));
}

TEST_CASE("a silent server is given its 60 s of module time - 600 ms at time scale 0.01") {
  fixtures::FtpFixture server;
  server.putFile("file.bin", toBytes(std::string_view("never sent")));
  fixtures::FtpFaults faults;
  faults.silentFrom = "RETR";
  server.setFaults(faults);
  TransferRig rig(TransferLimits{}, 0.01);  // the module's own limits, scaled
  const auto start = std::chrono::steady_clock::now();
  rig.network().ftpGet(1, ftpRequest(server, "file.bin"));
  // Within the deadline, where a real-time wait would be a minute.
  const int failure = failureWithin(rig, 1);
  CHECK(failure == code(CmeError::DataRetrieveFailed));
  CHECK(std::chrono::steady_clock::now() - start >= 600ms);  // never before its module time
}

TEST_CASE("POP3 server silent from RETR on ends with 38025") {
  fixtures::Pop3Fixture server;
  server.addMessage("Subject: kept\r\n\r\nbody\r\n");
  fixtures::Pop3Faults faults;
  faults.silentFrom = "RETR";
  server.setFaults(faults);
  TransferRig rig(shortLimits());
  Pop3Request request;
  request.server = referenceEndpoint(server.endpoint());
  request.user = server.options().user;
  request.password = server.options().password;
  rig.network().retrieveMail(1, request);
  // RETR not accepted (no +OK): the message did not start, nothing was retrieved.
  const int failure = failureWithin(rig, 1);
  CHECK(failure == code(CmeError::EmailRetrieveFailed));
  CHECK(server.stored().size() == 1);
}

}  // namespace
}  // namespace atsharp::test
