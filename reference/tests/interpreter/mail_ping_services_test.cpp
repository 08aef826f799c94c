// E-mail (chapter 3) and ping (chapter 7) in-process, against a scripted network.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "service_fixture.hpp"

namespace atsharp::reference::test {
namespace {

void configureSmtp(ServiceFixture& f) {
  f.set({"AT#SMTPSERV=\"127.0.0.1\"", "AT#SMTPPORT=2525", "AT#DOMAIN=\"domain.com\"",
         "AT#SENDERNAME=\"Test module\"", "AT#SENDERADDR=\"module@domain.com\"",
         "AT#REC1=recipient@domain.com", "AT#CCREC1=ccrecipient@domain.com",
         "AT#SUBJ1=\"Email Subject\""});
}

TEST_CASE("AT#SENDMAIL1: the envelope and header from the parameters - the body BODY1") {
  ServiceFixture f;
  configureSmtp(f);
  f.module.at("AT#BODY1");
  f.module.send("Hello\r.dot line\x1a");
  CHECK(f.module.at("AT#SENDMAIL1") == "");
  CHECK(f.net.take() == Requests{"1 sendMail 127.0.0.1:2525 with body"});
  const MailRequest& mail = f.net.lastMail();
  CHECK(mail.localAddress == "127.0.0.2");
  CHECK(mail.domain == "domain.com");
  CHECK_FALSE(mail.login);
  CHECK(mail.sender == "module@domain.com");
  CHECK(mail.recipients == std::vector<std::string>{"recipient@domain.com"});
  CHECK(mail.copies == std::vector<std::string>{"ccrecipient@domain.com"});
  CHECK(mail.header ==
        "From: \"Test module\" <module@domain.com>\r\nTo: recipient@domain.com\r\n"
        "Cc: ccrecipient@domain.com\r\nSubject: Email Subject\r\n\r\n");
  CHECK(mail.body == "Hello\r\n.dot line\r\n");
  CHECK(f.module.network(Closed{1}) == kOk);
}

TEST_CASE("AT#SENDMAIL1 answers OK once sent - or its error instead - never an error after OK") {
  // 3.3.2: the error "may also happen during the data transfer (after the OK message)"; the
  // module says OK only once the server took the mail, so that OK means sent.
  ServiceFixture f;
  configureSmtp(f);
  CHECK(f.module.at("AT#SENDMAIL1") == "");
  CHECK(f.module.settle() == "");  // nothing while the server has not answered
  CHECK(f.module.network(Failed{1, catalogue::CmeError::BodyRejected}) == error(38031));
  CHECK(f.module.at("AT#SENDMAIL1") == "");
  CHECK(f.module.network(Failed{2, catalogue::CmeError::CcRecipientRejected}) == error(38030));
  CHECK(f.module.at("AT#SENDMAIL1") == "");
  CHECK(f.module.network(Closed{3}) == kOk);
  CHECK(f.module.at("AT") == kOk);
}

TEST_CASE("AUTH LOGIN only when SMTPUN and SMTPPW are both set (3.1.14)") {
  ServiceFixture f;
  configureSmtp(f);
  f.set({"AT#SMTPUN=\"user\""});
  f.module.at("AT#SENDMAIL1");
  CHECK_FALSE(f.net.lastMail().login);
  f.module.network(Closed{1});
  f.set({"AT#SMTPPW=\"secret\""});
  f.module.at("AT#SENDMAIL1");
  REQUIRE(f.net.lastMail().login);
  CHECK(f.net.lastMail().login->first == "user");
  CHECK(f.net.lastMail().login->second == "secret");
}

TEST_CASE("AT#SENDMAIL3 uses combination 3 - its ten addresses - no Cc line without CCREC3") {
  ServiceFixture f;
  configureSmtp(f);
  f.module.at("AT#REC3ADD");
  f.module.send("a@x.y\r\nb@x.y\r\n\x1a");
  f.set({"AT#SUBJ3=\"Three\""});
  f.module.at("AT#SENDMAIL3");
  const MailRequest& mail = f.net.lastMail();
  CHECK(mail.recipients == std::vector<std::string>{"a@x.y", "b@x.y"});
  CHECK(mail.copies.empty());
  CHECK(mail.header == "From: \"Test module\" <module@domain.com>\r\nTo: a@x.y, b@x.y\r\n"
                       "Subject: Three\r\n\r\n");
  CHECK(mail.body == "\r\n");
  CHECK(f.module.network(Failed{1, catalogue::CmeError::RecipientRejected}) == error(38029));
}

TEST_CASE("a mail without a sender or recipient cannot go: 36929") {
  ServiceFixture f;
  f.set({"AT#SMTPSERV=\"127.0.0.1\""});
  CHECK(f.module.at("AT#SENDMAIL1") == error(36929));
  CHECK(f.module.at("AT#PUTMAIL") == error(36929));
}

TEST_CASE("A.6.1 AT#Putmail: the body up to CR LF . CR LF - not echoed - unstuffed - then OK") {
  ServiceFixture f;
  configureSmtp(f);
  f.module.at("ATE1");
  CHECK(f.module.at("AT#Putmail") == "AT#Putmail\r");
  CHECK(f.net.take() == Requests{"1 sendMail 127.0.0.1:2525 body follows"});
  CHECK(f.module.network(Ready{1}) == result("Ok_Info_WaitingForData"));
  CHECK(f.module.send("Line one\r\n..starts with a dot\r\n.\r\n") == "");
  CHECK(f.net.take() ==
        Requests{"1 send \"Line one\\r\\n.starts with a dot\\r\\n\"", "1 finish"});
  CHECK(f.module.network(Closed{1}) == kOk);
  CHECK(f.module.at("AT") == "AT\r" + kOk);
}

TEST_CASE("an empty AT#PUTMAIL body") {
  ServiceFixture f;
  configureSmtp(f);
  f.module.at("AT#PUTMAIL");
  f.module.network(Ready{1});
  f.module.send(".\r\n");
  CHECK(f.net.take() == Requests{"1 sendMail 127.0.0.1:2525 body follows", "1 finish"});
}

TEST_CASE("50 s of silence in an AT#PUTMAIL body end it with 35862 (3.4.2)") {
  ServiceFixture f;
  configureSmtp(f);
  f.module.at("AT#PUTMAIL");
  f.module.network(Ready{1});
  f.module.wait(ModuleTime{30000});
  f.module.send("more");
  CHECK(f.module.wait(ModuleTime{49999}) == "");
  CHECK(f.module.wait(ModuleTime{1}) == error(35862));
  CHECK(f.net.take() == Requests{"1 sendMail 127.0.0.1:2525 body follows", "1 send \"more\"",
                                 "1 close"});
  CHECK(f.module.at("AT") == kOk);
}

TEST_CASE("AT#GETMAIL: Ok_Info_NoMail for an empty mailbox") {
  ServiceFixture f;
  f.set({"AT#POP3SERV=\"127.0.0.1\"", "AT#POP3UN=\"user\"", "AT#POP3PW=\"pw\""});
  f.module.at("AT#GETMAIL");
  CHECK(f.net.take() == Requests{"1 retrieveMail 127.0.0.1:110 user/pw delete"});
  CHECK(f.module.network(MailRetrieved{1, std::nullopt}) == result("Ok_Info_NoMail"));
}

const std::string kMessage =
    "Return-Path: <a@b.c>\r\nFrom: A <a@b.c>\r\nTo: me@x.y\r\nCc: c@d.e\r\n"
    "Subject: Hi\r\n there\r\nX-Other: 1\r\n\r\nBody line\r\n.dot\r\n\r\nend\r\n";

TEST_CASE("AT#GETMAIL with POP3HEADERMODE 1: From - Cc - Subject - then the body (3.1.8)") {
  ServiceFixture f;
  f.set({"AT#POP3SERV=\"127.0.0.1\""});
  f.module.at("AT#GETMAIL");
  CHECK(f.module.network(MailRetrieved{1, kMessage}) ==
        result("Ok_Info_Mail") +
            "From: A <a@b.c>\r\nCc: c@d.e\r\nSubject: Hi\r\n there\r\n\r\n"
            "Body line\r\n..dot\r\n\r\nend\r\n.\r\n" + kOk);
}

TEST_CASE("AT#GETMAIL with POP3HEADERMODE 0: the body only") {
  ServiceFixture f;
  f.set({"AT#POP3SERV=\"127.0.0.1\"", "AT#POP3HEADERMODE=0"});
  f.module.at("AT#GETMAIL");
  CHECK(f.module.network(MailRetrieved{1, kMessage}) ==
        result("Ok_Info_Mail") + "Body line\r\n..dot\r\n\r\nend\r\n.\r\n" + kOk);
  f.module.at("AT#GETMAIL");
  CHECK(f.module.network(Failed{2, catalogue::CmeError::UsernameRejected}) == error(38080));
}

TEST_CASE("7.2.2 AT#PING: PINGNUM requests PINGDELAY apart - a line each - OK") {
  ServiceFixture f;
  f.set({"AT#PINGREMOTE=\"127.0.0.1\"", "AT#PINGNUM=3", "AT#PINGDELAY=2"});
  f.module.at("AT#PING");
  CHECK(f.net.take() == Requests{"1 ping 127.0.0.2 -> 127.0.0.1 2000ms"});
  CHECK(f.module.network(PingAnswer{1, 12}) ==
        "\r\n\"127.0.0.1\" is alive : time =  12 ms\r\n");
  CHECK(f.module.wait(ModuleTime{1999}) == "");
  CHECK(f.net.take().empty());
  f.module.wait(ModuleTime{1});
  CHECK(f.net.take() == Requests{"2 ping 127.0.0.2 -> 127.0.0.1 2000ms"});
  f.module.wait(ModuleTime{2000});
  CHECK(f.module.network(PingAnswer{2, std::nullopt}) == "\r\nNo answer from \"127.0.0.1\"\r\n");
  f.module.settle(ModuleTime{0});
  CHECK(f.net.take() == Requests{"3 ping 127.0.0.2 -> 127.0.0.1 2000ms"});
  CHECK(f.module.network(PingAnswer{3, 0}) ==
        "\r\n\"127.0.0.1\" is alive : time =  0 ms\r\n" + kOk);
}

TEST_CASE("AT#PING of a name shows the name") {
  ServiceFixture f;
  f.set({"AT#PINGREMOTE=\"wavecom.com\"", "AT#PINGNUM=1", "AT#DNSSERV1=\"127.0.0.53\""});
  f.module.at("AT#PING");
  f.module.network(Resolved{1, "127.0.0.9"});
  CHECK(f.net.take() == Requests{"1 resolve 127.0.0.2 -> wavecom.com @ 127.0.0.53 :53",
                                 "2 ping 127.0.0.2 -> 127.0.0.9 1000ms"});
  CHECK(f.module.network(PingAnswer{2, 900}) ==
        "\r\n\"wavecom.com\" is alive : time =  900 ms\r\n" + kOk);
}

TEST_CASE("services need the IP link (35867) and run one at a time (36872)") {
  ScriptedNetwork net;
  ModuleDriver idle = quietDriver({}, {}, &net);
  for (const char* command : {"AT#OTCP=1", "AT#LTCPSTART=2", "AT#OUDP", "AT#LUDPSTART",
                              "AT#FTPGET", "AT#FTPPUT", "AT#SENDMAIL1", "AT#PUTMAIL",
                              "AT#GETMAIL", "AT#PING"}) {
    CAPTURE(command);
    CHECK(idle.at(command) == error(35867));
  }
  ServiceFixture f;
  f.set({"AT#PINGREMOTE=\"127.0.0.1\"", "AT#TCPPORT=1,23", "AT#POP3SERV=\"127.0.0.1\""});
  f.module.at("AT#LTCPSTART=1");
  f.module.network(Listening{1});
  CHECK(f.module.at("AT#PING") == error(36872));
  CHECK(f.module.at("AT#GETMAIL") == error(36872));
  f.module.at("AT#LTCPSTOP=1");
  f.module.at("AT#GETMAIL");
  f.module.network(MailRetrieved{2, std::nullopt});
  CHECK(f.module.at("AT#POP3SERV=\"x\"") == kOk);  // GETMAIL is over
}

TEST_CASE("a module without a network answers 36872 to services") {
  Scenario scenario;
  scenario.gprs.attached = true;
  ModuleDriver module = quietDriver(scenario);
  module.at("AT#CONNECTIONSTART");
  module.settle();
  CHECK(module.at("AT#PING") == error(36872));
}

}  // namespace
}  // namespace atsharp::reference::test
