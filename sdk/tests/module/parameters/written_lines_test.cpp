// What each kind of value is written as, byte for byte: `AT#NAME=value`, text in quotes, a TCP
// parameter with its socket, an address list through its entry, a body through AT#BODYi and
// Ctrl-Z; and what a read sends.

#include <doctest/doctest.h>

#include <chrono>
#include <future>
#include <string>

#include "atsharp/module/module.hpp"
#include "scripted_line.hpp"

namespace atsharp::test {
namespace {

using catalogue::Param;
using namespace std::chrono_literals;

Module::Options quiet() {
  Module::Options options;
  options.synchronise = false;
  options.commandTimeout = Milliseconds{2000};
  return options;
}

// Runs @p call while the scripted line expects @p sent (up to its last byte), then answers OK.
template <class Call>
void expectSent(ScriptedLine& line, Call call, const std::string& sent) {
  auto done = std::async(std::launch::async, call);
  CHECK(line.expectUntil(sent.back()) == sent);
  line.answer("\r\nOK\r\n");
  done.get();
}

}  // namespace

TEST_CASE("values are written as the spec's set commands") {
  ScriptedLine line;
  Module module(line.takeHostEnd(), quiet());
  expectSent(line, [&] { module.set(param::Pppmode, PppMode::Reverse); }, "AT#PPPMODE=2\r");
  expectSent(line, [&] { module.set(param::Ftptype, FtpType::Ascii); }, "AT#FTPTYPE=A\r");
  expectSent(line, [&] { module.set(param::Pingnum, 10); }, "AT#PINGNUM=10\r");
  expectSent(line, [&] { module.set(param::Phytimeout, 2h); }, "AT#PHYTIMEOUT=120\r");
  expectSent(line, [&] { module.set(param::Smtpport, 2525); }, "AT#SMTPPORT=2525\r");
  expectSent(line, [&] { module.set(param::Ispun, "me, myself; I"); },
             "AT#ISPUN=\"me, myself; I\"\r");
  expectSent(line, [&] { module.set(param::Dialn1, "+33612345678"); },
             "AT#DIALN1=\"+33612345678\"\r");
  expectSent(line, [&] { module.set(param::Callscreennum, CallScreen::everybody()); },
             "AT#CALLSCREENNUM=\"*\"\r");
  expectSent(line, [&] { module.set(param::Pppmyip, Ipv4Address(10, 0, 0, 1)); },
             "AT#PPPMYIP=\"10.0.0.1\"\r");
  expectSent(line, [&] { module.set(param::Ftpserv, Ipv4Address(127, 0, 0, 1)); },
             "AT#FTPSERV=\"127.0.0.1\"\r");
  expectSent(line, [&] { module.set(param::Subj3, ""); }, "AT#SUBJ3=\"\"\r");
}

TEST_CASE("TCP parameters are written and read with their socket id (5.1)") {
  ScriptedLine line;
  Module module(line.takeHostEnd(), quiet());
  expectSent(line, [&] { module.set(param::Tcpport, SocketId(2), 8080); }, "AT#TCPPORT=2,8080\r");
  expectSent(line, [&] { module.set(param::Tcptxdelay, SocketId(1), 200ms); },
             "AT#TCPTXDELAY=1,200\r");
  expectSent(line, [&] { module.set(param::Tcpserv, SocketId(2), "peer.example"); },
             "AT#TCPSERV=2,\"peer.example\"\r");
  expectSent(line, [&] { module.set(param::Dlemode, SocketId(1), DleMode::Off); },
             "AT#DLEMODE=1,0\r");
  auto read = std::async(std::launch::async, [&] { return module.get(param::Tcpserv, SocketId(2)); });
  CHECK(line.expectUntil('\r') == "AT#TCPSERV=2\r");
  line.answer("\r\n#TCPSERV: 2,\"peer.example\"\r\n\r\nOK\r\n");
  CHECK(read.get() == "peer.example");
}

TEST_CASE("a read is the AT#NAME query and takes the value in any form the spec shows") {
  ScriptedLine line;
  Module module(line.takeHostEnd(), quiet());
  const auto reads = [&](const std::string& shown, auto get) {
    auto value = std::async(std::launch::async, get);
    line.expectUntil('\r');
    line.answer("\r\n" + shown + "\r\n\r\nOK\r\n");
    return value.get();
  };
  CHECK(reads("#FTPTYPE = I", [&] { return module.get(param::Ftptype); }) == FtpType::Binary);
  CHECK(reads("#UDPPORT : 0", [&] { return module.get(param::Udpport); }) ==
        Port<Param::Udpport>::notSet());
  CHECK(reads("#PINGDELAY:1", [&] { return module.get(param::Pingdelay); }) == 1s);
  CHECK(reads("#PPPMYIP: 1.2.3.4", [&] { return module.get(param::Pppmyip); }) ==
        Ipv4Address(1, 2, 3, 4));
  CHECK(reads("#TCPPORT: 1,\"23\"", [&] { return module.get(param::Tcpport, SocketId(1)); }) == 23);
  CHECK(reads("REC1=", [&] { return module.get(param::Rec1); }).empty());
  CHECK(reads("#REC2: \"a@b.c,d@e.f\"", [&] { return module.get(param::Rec2); }) ==
        ValueOf<Param::Rec2>{"a@b.c", "d@e.f"});
  CHECK(reads("#BODY1: \"one\\ntwo\"", [&] { return module.get(param::Body1); }) ==
        "one\r\ntwo");
  CHECK(reads("#callscreennum: \"0\"", [&] { return module.get(param::Callscreennum); }) ==
        CallScreen::nobody());
  CHECK(reads("#SENDERNAME: \"a \"", [&] { return module.getText(Param::Sendername); }) == "a ");
}

TEST_CASE("address lists - none or one with AT#RECi= - several through the AT#RECiADD entry") {
  ScriptedLine line;
  Module module(line.takeHostEnd(), quiet());
  expectSent(line, [&] { module.set(param::Rec1, {}); }, "AT#REC1=\"\"\r");
  expectSent(line, [&] { module.set(param::Rec3, "a@b.c"); }, "AT#REC3=\"a@b.c\"\r");
  expectSent(line, [&] { module.set(param::Rec2, {"a@b.c", "d@e.f"}); },
             "AT#REC2ADD\ra@b.c\r\nd@e.f\r\n\x1A");
  expectSent(line, [&] { module.setText(Param::Ccrec2, "a@b.c, d@e.f,"); },
             "AT#CCREC2ADD\ra@b.c\r\nd@e.f\r\n\x1A");
}

TEST_CASE("a body through AT#BODYi - its text - Ctrl-Z (3.1.7)") {
  ScriptedLine line;
  Module module(line.takeHostEnd(), quiet());
  expectSent(line, [&] { module.set(param::Body3, "Dear all\nbye\n"); },
             "AT#BODY3\rDear all\r\nbye\x1A");
  expectSent(line, [&] { module.setText(Param::Body1, ""); }, "AT#BODY1\r\x1A");
  // An entry the module refuses (34882: a body or an address it cannot take) throws.
  auto refused = std::async(std::launch::async, [&] { module.set(param::Body2, "x"); });
  CHECK(line.expectUntil('\x1A') == "AT#BODY2\rx\x1A");
  line.answer("\r\n#CME ERROR: 34882\r\n");
  try {
    refused.get();
    FAIL("no ModuleError");
  } catch (const ModuleError& error) {
    CHECK(error.code() == 34882);
    CHECK(error.command() == "AT#BODY2");
  }
}

}  // namespace atsharp::test
