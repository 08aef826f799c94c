// E-mail (chapter 3) through the pty against real servers: AT#SENDMAIL1 and AT#PUTMAIL to
// aiosmtpd (which keeps the envelope it saw beside each message), AT#GETMAIL from dovecot.

#include <doctest/doctest.h>

#include "connected_module.hpp"
#include "daemon_requests.hpp"

namespace atsharp::test {

// Label "interop" in CTest (ctest -L interop).
TEST_SUITE_BEGIN("interop");

namespace {

const std::string kOk = "\r\nOK\r\n";

// The SMTP parameters of 3.1 for @p server, with a login (3.1.14: AUTH LOGIN when both SMTPUN
// and SMTPPW are set).
void configureSmtp(ModemSession& modem, const SmtpDaemon& server) {
  modem.set({"AT#SMTPSERV=\"127.0.0.1\"",
             "AT#SMTPPORT=" + std::to_string(server.endpoint().port),
             "AT#DOMAIN=\"interop.test\"", "AT#SENDERNAME=\"Interop module\"",
             "AT#SENDERADDR=\"module@interop.test\"", "AT#SMTPUN=\"" + server.user() + "\"",
             "AT#SMTPPW=\"" + server.password() + "\""});
}

// What the server stored: its envelope lines (MAIL FROM, each RCPT TO, EHLO, the client's
// address, the login), then the header the module composed.
std::string storedHead(const SmtpDaemon& server, const std::string& recipients,
                       const std::string& copies, const std::string& subject) {
  std::string head = "X-Envelope-From: module@interop.test\r\n";
  std::string all = recipients + ", " + copies;
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t end = std::min(all.find(", ", at), all.size());
    head += "X-Envelope-To: " + all.substr(at, end - at) + "\r\n";
    at = end + 2;
  }
  head += "X-Helo: interop.test\r\nX-Peer: 127.0.0.2\r\nX-Auth-User: " + server.user() + "\r\n";
  head += "From: \"Interop module\" <module@interop.test>\r\nTo: " + recipients + "\r\nCc: " +
          copies + "\r\nSubject: " + subject + "\r\n\r\n";
  return head;
}

std::string onlyMessage(const SmtpDaemon& server) {
  const std::vector<std::string> messages = server.messages();
  REQUIRE(messages.size() == 1);
  return messages.front();
}

}  // namespace

TEST_CASE("AT#SENDMAIL1 - REC1 CCREC1 SUBJ1 BODY1 entered over the line - AUTH LOGIN - as sent") {
  SmtpDaemon server({"--auth-required"});
  ConnectedModule module;
  ModemSession& modem = module.modem();
  configureSmtp(modem, server);
  // 3.1.5, 3.1.3, 3.1.7: addresses one a line, the body over lines, each ended by Ctrl-Z.
  CHECK(visible(modem.enter("AT#REC1ADD", "first@interop.test\r\nsecond@interop.test\r\n").raw) ==
        visible(kOk));
  CHECK(visible(modem.enter("AT#CCREC1ADD", "copy@interop.test\r\nother@interop.test\r").raw) ==
        visible(kOk));
  CHECK(visible(modem.enter("AT#BODY1", "First line\r.starts with a dot\r\nLast line").raw) ==
        visible(kOk));
  modem.set({"AT#SUBJ1=\"Interop subject\""});
  CHECK(visible(modem.command("AT#SENDMAIL1").raw) == visible(kOk));
  CHECK(visible(onlyMessage(server)) ==
        visible(storedHead(server, "first@interop.test, second@interop.test",
                           "copy@interop.test, other@interop.test", "Interop subject") +
                "First line\r\n.starts with a dot\r\nLast line\r\n"));
  module.checkCommandMode();
}

TEST_CASE("AT#PUTMAIL - the host's body up to CR LF . CR LF - dot lines unstuffed - as sent") {
  SmtpDaemon server({"--auth-required"});
  ConnectedModule module;
  ModemSession& modem = module.modem();
  configureSmtp(modem, server);
  // 3.4.1: the header comes from REC1, CCREC1 and SUBJ1.
  modem.set({"AT#REC1=\"to@interop.test\"", "AT#CCREC1=\"cc@interop.test\"",
             "AT#SUBJ1=\"Put mail\""});
  REQUIRE(visible(modem.command("AT#PUTMAIL").raw) == visible("\r\nOk_Info_WaitingForData\r\n"));
  // A host dot-stuffs as SMTP does (docs/spec-decisions.md #26): ".." is a line's one dot.
  modem.write("Dear module,\r\n..one dot leads this line\r\n...two lead this one\r\n\r\n"
              "a line with . inside\r\n.\r\n");
  CHECK(visible(modem.nextAnswer().raw) == visible(kOk));
  CHECK(visible(onlyMessage(server)) ==
        visible(storedHead(server, "to@interop.test", "cc@interop.test", "Put mail") +
                "Dear module,\r\n.one dot leads this line\r\n..two lead this one\r\n\r\n"
                "a line with . inside\r\n"));
  module.checkCommandMode();
}

namespace {

// As dovecot keeps them (LF lines): a header with From, Cc and Subject (folded) among others.
const std::string kFirstStored =
    "Return-Path: <sender@interop.test>\n"
    "From: Sender <sender@interop.test>\n"
    "To: module@interop.test\n"
    "Cc: copy@interop.test,\n"
    " another@interop.test\n"
    "Subject: Interop\n"
    " folded subject\n"
    "X-Mailer: interop test\n"
    "\n"
    "First line.\n"
    ".A line that starts with a dot.\n"
    "\n"
    ".\n"
    "Last line.\n";
const std::string kSecondStored =
    "From: other@interop.test\n"
    "Subject: Second\n"
    "\n"
    "Second body.\n";

}  // namespace

TEST_CASE("AT#GETMAIL - POP3HEADERMODE 1 then 0 - the exact bytes - then Ok_Info_NoMail") {
  DovecotServer server;
  server.seed({kFirstStored, kSecondStored});
  ConnectedModule module;
  ModemSession& modem = module.modem();
  modem.set({"AT#POP3SERV=\"127.0.0.1\"",
             "AT#POP3PORT=" + std::to_string(server.endpoint().port),
             "AT#POP3UN=\"" + server.user() + "\"",
             "AT#POP3PW=\"" + server.password() + "\""});
  // 3.2.2, A.6.2: Ok_Info_Mail; with POP3HEADERMODE 1 (the default) From, Cc and Subject with
  // their continuation lines and an empty line; the body dot-stuffed; "."; OK.
  REQUIRE(visible(modem.command("AT#GETMAIL").raw) == visible("\r\nOk_Info_Mail\r\n"));
  CHECK(visible(modem.readUntil("\r\n.\r\n")) ==
        visible("From: Sender <sender@interop.test>\r\n"
                "Cc: copy@interop.test,\r\n another@interop.test\r\n"
                "Subject: Interop\r\n folded subject\r\n"
                "\r\n"
                "First line.\r\n..A line that starts with a dot.\r\n\r\n..\r\nLast line.\r\n"
                ".\r\n"));
  CHECK(visible(modem.nextAnswer().raw) == visible(kOk));
  // The message retrieved is deleted (docs/spec-decisions.md #24): the next one is the second.
  modem.set({"AT#POP3HEADERMODE=0"});
  REQUIRE(visible(modem.command("AT#GETMAIL").raw) == visible("\r\nOk_Info_Mail\r\n"));
  CHECK(visible(modem.readUntil("\r\n.\r\n")) == visible("Second body.\r\n.\r\n"));
  CHECK(visible(modem.nextAnswer().raw) == visible(kOk));
  CHECK(visible(modem.command("AT#GETMAIL").raw) == visible("\r\nOk_Info_NoMail\r\n"));
  CHECK(server.stored() == 0);
  module.checkCommandMode();
}

TEST_SUITE_END();

}  // namespace atsharp::test
