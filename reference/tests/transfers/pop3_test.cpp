// E-mails read over POP3 (3.2 GETMAIL) from dovecot, and the failures with their codes.

#include <doctest/doctest.h>

#include "daemon_requests.hpp"
#include "scripted_server.hpp"
#include "transfer_checks.hpp"
#include "transfer_rig.hpp"

namespace atsharp::test {
namespace {

using namespace reference;
using catalogue::CmeError;

// As stored in the Maildir (LF lines); POP3 carries them as CR LF, dot-stuffed.
const std::string kStored =
    "From: sender@example.test\n"
    "To: module@example.test\n"
    "Subject: For the module\n"
    "\n"
    "First line.\n"
    ".A line that starts with a dot.\n"
    "..Two dots.\n"
    ".\n"
    "Last line.\n";
const std::string kRetrieved =
    "From: sender@example.test\r\n"
    "To: module@example.test\r\n"
    "Subject: For the module\r\n"
    "\r\n"
    "First line.\r\n"
    ".A line that starts with a dot.\r\n"
    "..Two dots.\r\n"
    ".\r\n"
    "Last line.\r\n";

std::optional<NetworkEvent> retrieve(const Pop3Request& request, TransferLimits limits = {}) {
  TransferRig rig(limits);
  rig.network().retrieveMail(1, request);
  return rig.runToEnd(1);
}

TEST_CASE("POP3 retrieves the first message with its dot-stuffing undone and deletes it") {
  DovecotServer server;
  server.seed({kStored, "Subject: second\n\nsecond message\n"});
  const auto first = retrieve(pop3Request(server, true));
  REQUIRE(messageOf(first).has_value());
  CHECK(*messageOf(first) == kRetrieved);
  CHECK(server.stored() == 1);
  const auto second = retrieve(pop3Request(server, true));
  CHECK(messageOf(second) ==
        std::optional<std::string>("Subject: second\r\n\r\nsecond message\r\n"));
  CHECK(server.stored() == 0);
}

TEST_CASE("POP3 without deleteAfter leaves the message in the mailbox") {
  DovecotServer server;
  server.seed({kStored});
  CHECK(messageOf(retrieve(pop3Request(server, false))) == std::optional<std::string>(kRetrieved));
  CHECK(messageOf(retrieve(pop3Request(server, false))) == std::optional<std::string>(kRetrieved));
  CHECK(server.stored() == 1);
}

TEST_CASE("POP3 on an empty mailbox gives MailRetrieved without a message") {
  DovecotServer server;
  const auto event = retrieve(pop3Request(server));
  REQUIRE(is<MailRetrieved>(event));
  CHECK_FALSE(messageOf(event).has_value());
}

TEST_CASE("POP3 login refused: a wrong password 38081 and an unknown user 38081 with dovecot") {
  DovecotServer server;
  server.seed({kStored});
  Pop3Request wrongPassword = pop3Request(server);
  wrongPassword.password = "wrong";
  Pop3Request unknownUser = pop3Request(server);
  unknownUser.user = "nobody-here";
  CHECK(failureCode(retrieve(wrongPassword)) == code(CmeError::PasswordRejected));
  // dovecot offers SASL (libcurl logs in with AUTH PLAIN, user and password in one step) and
  // never says which one was wrong.
  CHECK(failureCode(retrieve(unknownUser)) == code(CmeError::PasswordRejected));
  CHECK(server.stored() == 1);
}

TEST_CASE("POP3 message larger than the limit is 38025 and stays in the mailbox") {
  DovecotServer server;
  server.seed({kStored});
  TransferLimits limits;
  limits.maxMessage = 64;
  CHECK(failureCode(retrieve(pop3Request(server, true), limits)) ==
        code(CmeError::EmailRetrieveFailed));
  CHECK(server.stored() == 1);
}

TEST_CASE("POP3 with no server listening is 38016") {
  Pop3Request request;
  request.server = {"127.0.0.1", freePorts()};
  request.user = "user";
  request.password = "password";
  CHECK(failureCode(retrieve(request)) == code(CmeError::OpenSessionFailed));
}

Pop3Request scripted(const ScriptedServer& server, bool deleteAfter) {
  Pop3Request request;
  request.server = server.endpoint();
  request.user = "user";
  request.password = "password";
  request.deleteAfter = deleteAfter;
  return request;
}

TEST_CASE("POP3 USER refused by a server without SASL is 38080") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
    playPop3UntilRetr(control, /*refuseUser=*/true);
    control.hear();  // QUIT, unanswered
  });
  CHECK(failureCode(retrieve(scripted(server, true))) == code(CmeError::UsernameRejected));
}

TEST_CASE("POP3 connection dropped before the header is complete is 38026") {
  for (const bool deleteAfter : {true, false}) {
    CAPTURE(deleteAfter);
    ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
      if (!playPop3UntilRetr(control)) return;
      control.write("+OK 1000 octets\r\nFrom: someone@example.test\r\nSubject: cut he");
      control.close();
    });
    CHECK(failureCode(retrieve(scripted(server, deleteAfter))) ==
          code(CmeError::EmailHeaderReceiveFailed));
  }
}

TEST_CASE("POP3 connection dropped in the body is 38025") {
  for (const bool deleteAfter : {true, false}) {
    CAPTURE(deleteAfter);
    ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
      if (!playPop3UntilRetr(control)) return;
      control.write("+OK 1000 octets\r\nSubject: whole header\r\n\r\nthe body is cu");
      control.close();
    });
    CHECK(failureCode(retrieve(scripted(server, deleteAfter))) ==
          code(CmeError::EmailRetrieveFailed));
  }
}

TEST_CASE("POP3 RETR refused is 38025") {
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
    if (!playPop3UntilRetr(control)) return;
    control.say("-ERR Message gone");
    while (std::optional<std::string> line = control.hear()) {
      if (*line == "QUIT") control.say("+OK Bye");
    }
  });
  CHECK(failureCode(retrieve(scripted(server, true))) == code(CmeError::EmailRetrieveFailed));
}

}  // namespace
}  // namespace atsharp::test
