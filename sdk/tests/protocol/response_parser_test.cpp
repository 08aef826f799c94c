// Framing, data mode, mail retrieval and bounds of the response parser.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "event_printing.hpp"
#include "event_text.hpp"

namespace atsharp::test {
namespace {

using Lines = std::vector<std::string>;

TEST_CASE("line endings: CR LF - CR CR LF - LF alone - CR alone all frame the same lines") {
  const Lines expected{"info #PPPMODE: 1", "result OK"};
  CHECK(parse("\r\n#PPPMODE: 1\r\n\r\nOK\r\n") == expected);
  CHECK(parse("\r\r\n#PPPMODE: 1\r\r\n\r\r\nOK\r\r\n") == expected);
  CHECK(parse("#PPPMODE: 1\nOK\n") == expected);
  CHECK(parse("#PPPMODE: 1\rOK\r") == expected);
}

TEST_CASE("echo on and echo off give the same answer - the echo as its own event") {
  CHECK(parse("AT#PPPMODE?\r\r\n#PPPMODE: 1\r\n\r\nOK\r\n") ==
        Lines{"echo AT#PPPMODE?", "info #PPPMODE: 1", "result OK"});
  CHECK(parse("\r\n#PPPMODE: 1\r\n\r\nOK\r\n") == Lines{"info #PPPMODE: 1", "result OK"});
}

TEST_CASE("an unsolicited line between a command and its answer stays apart from the answer") {
  CHECK(parse("AT#VSTATE\r\r\nRING\r\n\r\n+CLIP: \"0612345678\",129\r\n\r\n#STATE: \"IDLE\"\r\n"
              "\r\n+CREG: 1\r\n\r\nOK\r\n") ==
        Lines{"echo AT#VSTATE", "urc ring RING", "urc clip +CLIP: \"0612345678\",129",
              "info #STATE: \"IDLE\"", "urc creg +CREG: 1", "result OK"});
}

TEST_CASE("a line without its end yet is not reported") {
  ResponseParser parser;
  CHECK(parse(parser, {asBytes("\r\nO")}).empty());
  CHECK(parse(parser, {asBytes("K")}).empty());
  CHECK(parse(parser, {asBytes("\r")}) == Lines{"result OK"});
  CHECK(parse(parser, {asBytes("\n")}).empty());
}

TEST_CASE("data mode after Ok_Info_WaitingForData: DLE decoded until the unescaped ETX") {
  // Payload 41 10 03 42 arrives as 41 DLE DLE DLE ETX 42, then ETX, then the closing lines.
  const std::string stream =
      "\r\nOk_Info_WaitingForData\r\n"
      "A\x10\x10\x10\x03"
      "B\x03"
      "\r\nOk_Info_SocketClosed\r\n\r\nOK\r\n";
  CHECK(parse(stream) == Lines{"result Ok_Info_WaitingForData", "data-start dle",
                               "data 41 10 03 42", "data-end etx",
                               "result Ok_Info_SocketClosed", "result OK"});
}

TEST_CASE("data mode after Ok_Info_DataBegin - and an error behind the ETX (4.2.2)") {
  CHECK(parse("\r\nOk_Info_DataBegin\r\nxy\x03\r\n#CME ERROR: 38024\r\n") ==
        Lines{"result Ok_Info_DataBegin", "data-start dle", "data 78 79", "data-end etx",
              "cme #38024"});
}

TEST_CASE("the LF of the switch line is not data - a LF that is data stays data") {
  // CR LF ends the switch line in ATV1; the payload itself starts with LF.
  CHECK(parse("\r\nOk_Info_DataBegin\r\n\n\x03") ==
        Lines{"result Ok_Info_DataBegin", "data-start dle", "data 0a", "data-end etx"});
  // ATV0 ends results with CR alone: the LF right after it is the first payload byte.
  CHECK(parse("1025\r\n\x03", {.format = ResultFormat::Numeric}) ==
        Lines{"result# Ok_Info_DataBegin", "data-start dle", "data 0a", "data-end etx"});
  // A switch line ended by a lone LF leaves nothing to swallow.
  CHECK(parse("Ok_Info_DataBegin\n\n\x03") ==
        Lines{"result Ok_Info_DataBegin", "data-start dle", "data 0a", "data-end etx"});
}

TEST_CASE("Ok_WaitingForData of 4.3.2 switches like Ok_Info_WaitingForData") {
  CHECK(parse("\r\nOk_WaitingForData\r\n\x03\r\nOK\r\n") ==
        Lines{"result Ok_Info_WaitingForData", "data-start dle", "data-end etx", "result OK"});
}

TEST_CASE("DLEMODE 0: bytes pass untouched until the host ends data mode") {
  ResponseParser parser;
  parser.setDataCoding(DataCoding::PassThrough);
  EventLog log;
  parser.feed(asBytes("\r\nOk_Info_WaitingForData\r\nA\x10\x03"), log.sink());
  CHECK(parser.state() == ResponseParser::State::Data);
  parser.leaveDataMode(log.sink());
  CHECK(parser.state() == ResponseParser::State::Lines);
  parser.feed(asBytes("\r\nOK\r\n"), log.sink());
  CHECK(log.lines() == Lines{"result Ok_Info_WaitingForData", "data-start raw", "data 41 10 03",
                             "data-end host", "result OK"});
}

TEST_CASE("leaveDataMode outside data mode does nothing") {
  ResponseParser parser;
  EventLog log;
  parser.leaveDataMode(log.sink());
  CHECK(log.lines().empty());
  CHECK(parser.state() == ResponseParser::State::Lines);
}

TEST_CASE("the data coding is chosen per data mode and kept until its end") {
  ResponseParser parser;
  EventLog log;
  parser.setDataCoding(DataCoding::PassThrough);
  parser.feed(asBytes("\r\nOk_Info_WaitingForData\r\n"), log.sink());
  parser.setDataCoding(DataCoding::Dle);  // for the next session, not this one
  parser.feed(asBytes("\x10\x03"), log.sink());
  parser.leaveDataMode(log.sink());
  parser.feed(asBytes("\r\nOk_Info_DataBegin\r\n\x10\x03\x03"), log.sink());
  CHECK(log.lines() == Lines{"result Ok_Info_WaitingForData", "data-start raw", "data 10 03",
                             "data-end host", "result Ok_Info_DataBegin", "data-start dle",
                             "data 03", "data-end etx"});
}

TEST_CASE("AT#PUTMAIL: after Ok_Info_WaitingForData only the host sends data - lines go on") {
  ResponseParser parser;
  parser.setAfterSwitch(AfterSwitch::Lines);
  CHECK(parse(parser, {asBytes("\r\nOk_Info_WaitingForData\r\n\r\nOK\r\n")}) ==
        Lines{"result Ok_Info_WaitingForData", "result OK"});
  CHECK(parser.state() == ResponseParser::State::Lines);
}

TEST_CASE("AT#GETMAIL: the mail's lines - blank ones included - dot-stuffing removed") {
  const std::string stream =
      "\r\nOk_Info_Mail\r\n"
      "From: a@b.c\r\n"
      "Subject: OK\r\n"
      "\r\n"
      "OK\r\n"           // a mail line that reads like a result is still mail
      "..hidden dot\r\n"
      "#CME ERROR: 1\r\n"
      "\r\n"
      ".\r\n"
      "\r\nOK\r\n";
  CHECK(parse(stream) == Lines{"result Ok_Info_Mail", "mail From: a@b.c", "mail Subject: OK",
                               "mail ", "mail OK", "mail .hidden dot", "mail #CME ERROR: 1",
                               "mail ", "mail-end", "result OK"});
}

TEST_CASE("a mail line keeps a lone CR - a failure after the mail follows its end (3.2.2)") {
  CHECK(parse("Ok_Info_Mail\r\na\rb\r\n.\r\n#CME ERROR: 38025\r\n") ==
        Lines{"result Ok_Info_Mail", "mail a\rb", "mail-end", "cme #38025"});
}

TEST_CASE("Ok_Info_NoMail ends AT#GETMAIL without a mail") {
  ResponseParser parser;
  CHECK(parse(parser, {asBytes("\r\nOk_Info_NoMail\r\n")}) == Lines{"result Ok_Info_NoMail"});
  CHECK(parser.state() == ResponseParser::State::Lines);
}

TEST_CASE("an overlong line is reported at once - with bounded memory - and parsing goes on") {
  ResponseParser parser({.maxLineLength = 8});
  EventLog log;
  parser.feed(asBytes("\r\n0123456789"), log.sink());
  CHECK(log.lines() == Lines{"overlong 01234567"});
  for (int i = 0; i < 1000; ++i) parser.feed(asBytes("garbage without end "), log.sink());
  CHECK(parser.bufferedLineLength() == 0);
  parser.feed(asBytes("\r\nOK\r\n"), log.sink());
  CHECK(log.lines() == Lines{"overlong 01234567", "result OK"});
}

TEST_CASE("a line of exactly the bound is a line") {
  CHECK(parse("\r\n12345678\r\n", {.maxLineLength = 8}) == Lines{"progress number 12345678"});
  CHECK(parse("\r\n123456789\r\n", {.maxLineLength = 8}) == Lines{"overlong 12345678"});
}

TEST_CASE("an overlong mail line is reported and the mail goes on") {
  CHECK(parse("Ok_Info_Mail\r\n0123456789ABCDEF\r\nshort\r\n.\r\n", {.maxLineLength = 12}) ==
        Lines{"result Ok_Info_Mail", "overlong 0123456789AB", "mail short", "mail-end"});
}

TEST_CASE("NUL and other control bytes inside a line are kept - not a crash") {
  const std::string line("#X: a\0b\x1a", 9);
  CHECK(parse("\r\n" + line + "\r\n") == Lines{"info " + line});
}

}  // namespace
}  // namespace atsharp::test
