// E-mail (chapter 3) through Module::sendMail, putMail and getMail against the reference module
// on a pty and real servers on 127.0.0.1: aiosmtpd, which stores each message with the envelope
// it saw, and dovecot's POP3; a scripted SMTP server for a connection dropped in the body.

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <utility>

#include "action_printing.hpp"
#include "daemon_requests.hpp"
#include "module_error_of.hpp"
#include "module_rig.hpp"
#include "random.hpp"
#include "scripted_server.hpp"

namespace atsharp::test {
namespace {

const std::vector<std::string> kConnected{"#STATE: \"CONNECTED\""};

// The SMTP parameters of 3.1 for a server on 127.0.0.1:@p port, the sender, and combination 1.
void configureSmtp(Module& module, std::uint16_t port) {
  for (const std::string& line :
       {std::string("AT#SMTPSERV=\"127.0.0.1\""), "AT#SMTPPORT=" + std::to_string(port),
        std::string("AT#DOMAIN=\"actions.test\""), std::string("AT#SENDERNAME=\"Actions\""),
        std::string("AT#SENDERADDR=\"module@actions.test\""),
        std::string("AT#REC1=\"to@actions.test\""), std::string("AT#CCREC1=\"cc@actions.test\""),
        std::string("AT#SUBJ1=\"One\"")}) {
    module.command(line);
  }
}

void logIn(Module& module, const SmtpDaemon& server) {
  module.command("AT#SMTPUN=\"" + server.user() + "\"");
  module.command("AT#SMTPPW=\"" + server.password() + "\"");
}

// What aiosmtpd stored ahead of the message: the envelope (MAIL FROM, each RCPT TO), the EHLO
// name, the client's address (the module's own), the login; then the header the module
// composed (3.3.1: From, To, Cc, Subject).
std::string storedHead(const SmtpDaemon& server, const std::string& to, const std::string& cc,
                       const std::string& subject) {
  return "X-Envelope-From: module@actions.test\r\nX-Envelope-To: " + to +
         "\r\nX-Envelope-To: " + cc + "\r\nX-Helo: actions.test\r\nX-Peer: 127.0.0.2\r\n" +
         "X-Auth-User: " + server.user() + "\r\n" +
         "From: \"Actions\" <module@actions.test>\r\nTo: " + to + "\r\nCc: " + cc +
         "\r\nSubject: " + subject + "\r\n\r\n";
}

// A body as the caller writes it: LF and CR LF line ends, lines that start with dots, a last
// line of one dot and no line end after it.
const std::string kPlainBody =
    "Dear module,\n.one dot leads this line\r\n..two lead this one\n\na line with . inside\n.";
// The same as the server stores it: CR LF lines, each dot the caller wrote.
const std::string kStoredBody =
    "Dear module,\r\n.one dot leads this line\r\n..two lead this one\r\n\r\n"
    "a line with . inside\r\n.\r\n";

// A source that gives @p text in pieces of 1 to 7 bytes.
ByteSource inSmallPieces(const std::string& text, std::mt19937_64& gen) {
  auto at = std::make_shared<std::size_t>(0);
  return [&text, &gen, at](std::span<Byte> buffer) {
    const std::size_t size = std::min({buffer.size(), text.size() - *at,
                                       std::uniform_int_distribution<std::size_t>(1, 7)(gen)});
    std::copy_n(text.begin() + static_cast<std::ptrdiff_t>(*at), size, buffer.begin());
    *at += size;
    return size;
  };
}

// Lines that would run commands if they reached the module's command mode.
std::string commandLikeLines(std::size_t size) {
  std::string text;
  while (text.size() < size) text += "AT#VSTATE\r\nAT\r\nATI\r\nnot a command\r\n";
  return text;
}

}  // namespace

TEST_CASE("sendMail 1 and 2: envelope - header - BODYi with a leading dot line - as stored") {
  SmtpDaemon server({"--auth-required"});
  ModuleRig rig;
  rig.connectGprs();
  Module& module = rig.module();
  configureSmtp(module, server.endpoint().port);
  logIn(module, server);
  // 3.1.7: the body is typed after AT#BODY1<CR> and ended by Ctrl-Z.
  module.command("AT#BODY1\rFirst line\r.starts with a dot\r\nLast line\x1a");
  module.command("AT#REC2=\"two@actions.test\"");
  module.command("AT#CCREC2=\"cc2@actions.test\"");
  module.command("AT#SUBJ2=\"Two\"");
  module.command("AT#BODY2=\"Second body\"");
  module.sendMail(MailCombination(1));
  module.sendMail(MailCombination(2));
  const std::vector<std::string> messages = server.messages();
  REQUIRE(messages.size() == 2);
  CHECK(printable(messages[0]) ==
        printable(storedHead(server, "to@actions.test", "cc@actions.test", "One") +
                  "First line\r\n.starts with a dot\r\nLast line\r\n"));
  CHECK(printable(messages[1]) ==
        printable(storedHead(server, "two@actions.test", "cc2@actions.test", "Two") +
                  "Second body\r\n"));
}

TEST_CASE("sendMail refused by the server: MAIL FROM 38028 - the module usable after") {
  SmtpDaemon server({"--refuse-sender", "module@actions.test"});
  ModuleRig rig;
  rig.connectGprs();
  configureSmtp(rig.module(), server.endpoint().port);
  const auto error = moduleErrorOf([&] { rig.module().sendMail(MailCombination(1)); });
  REQUIRE(error);
  CHECK(error->code() == 38028);
  CHECK(error->command() == "AT#SENDMAIL1");
  CHECK(rig.module().command("AT#VSTATE").lines == kConnected);
}

TEST_CASE("putMail from a string - a stream - small pieces: stuffed and ended by the SDK") {
  ATSHARP_SEED_INFO();
  auto gen = rng(71);
  SmtpDaemon server({"--auth-required"});
  ModuleRig rig;
  rig.connectGprs();
  Module& module = rig.module();
  configureSmtp(module, server.endpoint().port);
  logIn(module, server);
  module.putMail(std::string_view(kPlainBody));
  std::istringstream stream(kPlainBody);
  module.putMail(stream);
  module.putMail(inSmallPieces(kPlainBody, gen));
  const std::string expected =
      storedHead(server, "to@actions.test", "cc@actions.test", "One") + kStoredBody;
  const std::vector<std::string> messages = server.messages();
  REQUIRE(messages.size() == 3);
  for (const std::string& message : messages) CHECK(printable(message) == printable(expected));
}

TEST_CASE("putMail of an empty body: the header alone") {
  SmtpDaemon server;
  ModuleRig rig;
  rig.connectGprs();
  configureSmtp(rig.module(), server.endpoint().port);
  rig.module().putMail(std::string_view());
  const std::vector<std::string> messages = server.messages();
  REQUIRE(messages.size() == 1);
  CHECK(messages[0].ends_with("Subject: One\r\n\r\n"));
}

TEST_CASE("putMail: the server drops the connection in the body - 38031 - back in command mode") {
  // The module first: the scripted server waits a few seconds at most for its client.
  ModuleRig rig;
  rig.connectGprs();
  ScriptedServer server([](ScriptedConnection& control, ScriptedServer&) {
    if (!playSmtpUntilData(control)) return;
    control.drain(16 * 1024);
    control.close();
  });
  configureSmtp(rig.module(), server.endpoint().port);
  // Much more than the module holds while its server is gone: the SDK is still sending when the
  // drop comes, and what it sent after it reaches the module's command mode, command-like lines
  // included.
  const std::string body = commandLikeLines(4 << 20);
  const auto error = moduleErrorOf([&] { rig.module().putMail(std::string_view(body)); });
  REQUIRE(error);
  CHECK(error->code() == 38031);
  CHECK(error->command() == "AT#PUTMAIL");
  // The answers to the stray lines were dropped: each command gets its own answer.
  CHECK(rig.module().command("AT#VSTATE").lines == kConnected);
  const Reply at = rig.module().command("AT");
  CHECK(at.lines.empty());
  CHECK(at.final.result == catalogue::Result::Ok);
}

TEST_CASE("putMail: a throwing source - the module ends the body (3.4.2) - its exception after") {
  SmtpDaemon server;
  ModuleRig rig;  // at a time scale of 0.01, the module's 50 s of inactivity take 0.5 s
  rig.connectGprs();
  configureSmtp(rig.module(), server.endpoint().port);
  int calls = 0;
  const ByteSource breaking = [&](std::span<Byte> buffer) -> std::size_t {
    if (++calls > 1) throw std::runtime_error("the source broke");
    const std::string_view text = "half a body\r\n";
    std::copy(text.begin(), text.end(), buffer.begin());
    return text.size();
  };
  CHECK_THROWS_WITH_AS(rig.module().putMail(breaking), "the source broke", std::runtime_error);
  CHECK(calls == 2);
  CHECK(rig.module().command("AT#VSTATE").lines == kConnected);
  // That the SDK sent no end of body is checked byte by byte against a scripted module
  // (scripted_actions_test.cpp); whether the server then got a message is the reference
  // module's part.
}

namespace {

// As dovecot keeps them (LF lines): a header with From, Cc and Subject (folded) among others.
const std::string kFirstStored =
    "Return-Path: <sender@actions.test>\n"
    "From: Sender <sender@actions.test>\n"
    "To: module@actions.test\n"
    "Cc: copy@actions.test,\n"
    " another@actions.test\n"
    "Subject: Actions\n"
    " folded subject\n"
    "X-Mailer: actions test\n"
    "\n"
    "First line.\n"
    ".A line that starts with a dot.\n"
    "\n"
    ".\n"
    "Last line.\n";
const std::string kSecondStored =
    "From: other@actions.test\n"
    "Subject: Second\n"
    "\n"
    "Second body.\n"
    "\n";

void configurePop3(Module& module, const DovecotServer& server, const std::string& password) {
  module.command("AT#POP3SERV=\"127.0.0.1\"");
  module.command("AT#POP3PORT=" + std::to_string(server.endpoint().port));
  module.command("AT#POP3UN=\"" + server.user() + "\"");
  module.command("AT#POP3PW=\"" + password + "\"");
}

}  // namespace

TEST_CASE("getMail: POP3HEADERMODE 1 then 0 - header lines and unstuffed body - then no mail") {
  DovecotServer server;
  server.seed({kFirstStored, kSecondStored});
  ModuleRig rig;
  rig.connectGprs();
  Module& module = rig.module();
  configurePop3(module, server, server.password());
  // 3.1.8: From, Cc and Subject, continuation lines included, each line an entry.
  const std::optional<RetrievedMail> first = module.getMail();
  REQUIRE(first);
  CHECK(*first == RetrievedMail{{"From: Sender <sender@actions.test>", "Cc: copy@actions.test,",
                                 " another@actions.test", "Subject: Actions",
                                 " folded subject"},
                                "First line.\r\n.A line that starts with a dot.\r\n\r\n.\r\n"
                                "Last line.\r\n"});
  // The retrieved mail was deleted (docs/spec-decisions.md #24): the next is the second.
  module.command("AT#POP3HEADERMODE=0");
  const std::optional<RetrievedMail> second = module.getMail();
  REQUIRE(second);
  CHECK(*second == RetrievedMail{{}, "Second body.\r\n\r\n"});
  CHECK_FALSE(module.getMail());  // Ok_Info_NoMail
  CHECK(server.stored() == 0);
  CHECK(module.command("AT#VSTATE").lines == kConnected);
}

TEST_CASE("getMail with a password the server refuses: ModuleError 38081 - the mail stays") {
  DovecotServer server;
  server.seed({kSecondStored});
  // dovecot answers a failed login after half a second whatever auth_failure_delay says: at
  // the rigs' 0.01 the module's 30 s for the login would be 300 ms, but such a wait never drops
  // below 2 s of real time (module_waits.hpp), so the refusal is heard.
  ModuleRig rig;
  rig.connectGprs();
  configurePop3(rig.module(), server, "not the password");
  const auto error = moduleErrorOf([&] { rig.module().getMail(); });
  REQUIRE(error);
  CHECK(error->code().value_or(-1) == 38081);
  CHECK(error->command() == "AT#GETMAIL");
  CHECK(server.stored() == 1);
}

}  // namespace atsharp::test
