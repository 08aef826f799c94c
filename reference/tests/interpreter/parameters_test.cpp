// Reading and setting the 67 parameters: defaults, legal values, each kind of illegal value,
// the TCP parameters' socket forms, persistence and AT#DELFLASH (8.4).

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "atsharp/catalogue/parameters.hpp"
#include "module_driver.hpp"
#include "parameters/display_writer.hpp"

namespace atsharp::reference::test {
namespace {

using catalogue::kParameters;
using catalogue::ParameterSpec;

std::string ok() { return "\r\nOK\r\n"; }
std::string error(int code) { return "\r\n#CME ERROR: " + std::to_string(code) + "\r\n"; }

TEST_CASE("every parameter reads its spec default at power-on") {
  ModuleDriver module = quietDriver();
  for (const ParameterSpec& spec : kParameters) {
    CAPTURE(spec.name);
    if (spec.indexing == catalogue::Indexing::SocketId) {
      CHECK(module.at("AT#" + std::string{spec.name} + "=1") ==
            framed(displayLine(spec, spec.defaultValue, 1)) + ok());
      CHECK(module.at("AT#" + std::string{spec.name} + "=2") ==
            framed(displayLine(spec, spec.defaultValue, 2)) + ok());
    } else {
      CHECK(module.at("AT#" + std::string{spec.name} + "?") ==
            framed(displayLine(spec, spec.defaultValue)) + ok());
    }
  }
}

TEST_CASE("read answers in the spec's forms") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#PPPmode?") == "\r\n#PPPMODE: 1\r\n" + ok());  // A.2
  CHECK(module.at("AT#CALLSCREENNUM?") == "\r\n#CALLSCREENNUM: \"0\"\r\n" + ok());
  CHECK(module.at("AT#PPPMYIP?") == "\r\n#PPPMYIP: \"0.0.0.0\"\r\n" + ok());
  CHECK(module.at("AT#FTPTYPE?") == "\r\n#FTPTYPE = I\r\n" + ok());
  CHECK(module.at("AT#APNSERV?") == "\r\n#APNSERV: \"\"\r\n" + ok());
}

TEST_CASE("a legal value is taken quoted or not and reads back") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#PPPmode=1") == ok());  // A.2
  CHECK(module.at("AT#DIALN1=\"0860000000\"") == ok());
  CHECK(module.at("AT#DIALN1?") == "\r\n#DIALN1: \"0860000000\"\r\n" + ok());
  CHECK(module.at("AT#REC1=recipient@domain.com") == ok());  // A.6.1
  CHECK(module.at("AT#REC1?") == "\r\n#REC1: \"recipient@domain.com\"\r\n" + ok());
  CHECK(module.at("AT#SENDERADDR\"module@domain.com\"") == ok());  // A.6.1
  CHECK(module.at("AT#SENDERADDR?") == "\r\n#SENDERADDR: \"module@domain.com\"\r\n" + ok());
  CHECK(module.at("AT#CALLBACKTIMER=\"30\"") == ok());
  CHECK(module.at("AT#CALLBACKTIMER?") == "\r\n#CALLBACKTIMER: 30\r\n" + ok());
  CHECK(module.at("AT#FTPTYPE=A") == ok());
  CHECK(module.at("AT#FTPTYPE?") == "\r\n#FTPTYPE = A\r\n" + ok());
  CHECK(module.at("AT#APNSERV=") == ok());
}

TEST_CASE("a number typed with leading zeros is kept and read back as the number") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#CALLBACKTIMER=007") == ok());
  CHECK(module.at("AT#CALLBACKTIMER?") == "\r\n#CALLBACKTIMER: 7\r\n" + ok());
  CHECK(module.at("AT#FTPPORT=\"00021\"") == ok());
  CHECK(module.at("AT#FTPPORT?") == "\r\n#FTPPORT: 21\r\n" + ok());
  CHECK(module.at("AT#TCPTXDELAY=1,0040") == ok());
  CHECK(module.at("AT#TCPTXDELAY=1") == "\r\n#TCPTXDELAY: 1,40\r\n" + ok());
  CHECK(module.at("AT#TCPTXDELAY=2") == "\r\n#TCPTXDELAY: 2,100\r\n" + ok());  // its default
  // A number's text stays as typed where it is text: a phone number keeps its zeros.
  CHECK(module.at("AT#DIALN1=0012") == ok());
  CHECK(module.at("AT#DIALN1?") == "\r\n#DIALN1: \"0012\"\r\n" + ok());
}

TEST_CASE("each kind of illegal value answers 34882 and changes nothing") {
  ModuleDriver module = quietDriver();
  for (const char* line : {
           "AT#CALLBACKTIMER=1", "AT#CALLBACKTIMER=256", "AT#CALLBACKTIMER=abc",
           "AT#REDIALDELAY=0", "AT#REDIALDELAY=4", "AT#REDIALCOUNT=15", "AT#RINGCOUNT=16",
           "AT#ANSWERMODE=4", "AT#PPPMODE=0", "AT#PPPMODE=5", "AT#GPRSMODE=2", "AT#FTPTYPE=i",
           "AT#UDPTXDELAY=30", "AT#UDPTXDELAY=32780", "AT#UDPPORT=0", "AT#UDPPORT=65536",
           "AT#SMTPPORT=123456", "AT#PPPMYIP=1.2.3", "AT#DNSSERV1=\"xxx.xxx.xxx\"",
           "AT#DNSSERV2=256.1.1.1", "AT#FTPSERV=1.2.3.999", "AT#DIALN1=08600x",
           "AT#PINGNUM=0", "AT#GPRSCID=5"}) {
    CAPTURE(line);
    CHECK(module.at(line) == error(34882));
  }
  CHECK(module.at("AT#ISPUN=\"" + std::string(65, 'u') + "\"") == error(34882));
  CHECK(module.at("AT#ISPUN=\"" + std::string(64, 'u') + "\"") == ok());
  CHECK(module.at("AT#APNSERV=\"" + std::string(121, 'a') + "\"") == error(34882));
  CHECK(module.at("AT#APNSERV=\"" + std::string(120, 'a') + "\"") == ok());
  CHECK(module.at("AT#REDIALDELAY?") == "\r\n#REDIALDELAY: 5\r\n" + ok());
  CHECK(module.at("AT#UDPTXDELAY?") == "\r\n#UDPTXDELAY: 100\r\n" + ok());
}

TEST_CASE("the spec's odd example values: a host name with a space is refused - others taken") {
  // 3.7.2 shows "smtp. a2myoper.com", 8.3.2 REC1 "lesavecom.com", 3.1.1 calls SENDERNAME an
  // address (ambiguity 48).
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#SMTPSERV=\"smtp. a2myoper.com\"") == error(34882));
  CHECK(module.at("AT#SMTPSERV=\"smtp.a2myoper.com\"") == ok());
  CHECK(module.at("AT#REC1=\"lesavecom.com\"") == ok());  // no check that it is an e-mail address
  CHECK(module.at("AT#SENDERNAME=\"Test module\"") == ok());  // a name, not an address
  CHECK(module.at("AT#SMTPSERV?") == "\r\n#SMTPSERV: \"smtp.a2myoper.com\"\r\n" + ok());
  CHECK(module.at("AT#REC1?") == "\r\n#REC1: \"lesavecom.com\"\r\n" + ok());
}

TEST_CASE("TCP parameters: AT#NAME=id reads - AT#NAME=id and value sets (5.1)") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#TCPSERV=1,\"255.255.255.255\"") == ok());  // A.8.1
  CHECK(module.at("AT#TCPPORT=1,\"23\"") == ok());                // A.8.1
  CHECK(module.at("AT#TCPPORT=1") == "\r\n#TCPPORT: 1,23\r\n" + ok());
  CHECK(module.at("AT#TCPPORT=2") == "\r\n#TCPPORT: 2,0\r\n" + ok());
  CHECK(module.at("AT#TCPSERV=1") == "\r\n#TCPSERV: 1,\"255.255.255.255\"\r\n" + ok());
  CHECK(module.at("AT#DLEMODE= 2,0") == ok());
  CHECK(module.at("AT#DLEMODE=2") == "\r\n#DLEMODE: 2,0\r\n" + ok());
  CHECK(module.at("AT#DLEMODE=1") == "\r\n#DLEMODE: 1,1\r\n" + ok());
  CHECK(module.at("AT#TCPPORT?") == "\r\n#TCPPORT: 1,23\r\n#TCPPORT: 2,0\r\n" + ok());
}

TEST_CASE("TCP parameters refuse a bad socket id - a bad value - a missing id") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#TCPPORT=3") == error(34882));
  CHECK(module.at("AT#TCPPORT=0,23") == error(34882));
  CHECK(module.at("AT#TCPPORT=1,0") == error(34882));
  CHECK(module.at("AT#TCPTXDELAY=1,30") == error(34882));
  CHECK(module.at("AT#TCPTXDELAY=1,20") == ok());
  CHECK(module.at("AT#TCPPORT=1,2,3") == error(34819));
  CHECK(module.at("AT#TCPPORT=") == error(34882));
}

TEST_CASE("a set parameter is written to flash and survives a restart") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#PPPMODE=2") == ok());
  CHECK(module.at("AT#TCPPORT=2,8080") == ok());
  const std::optional<FlashImage> written = module.flashWrite();
  REQUIRE(written);
  CHECK(written->at("PPPMODE") == "2");
  CHECK(written->at("TCPPORT/2") == "8080");
  CHECK_FALSE(module.flashWrite());  // nothing new since
  CHECK(module.at("AT+CFUN=1") == ok());
  CHECK(module.at("AT#PPPMODE?") == "AT#PPPMODE?\r\r\n#PPPMODE: 2\r\n" + ok());

  ModuleDriver powered = quietDriver({}, written);
  CHECK(powered.at("AT#TCPPORT=2") == "\r\n#TCPPORT: 2,8080\r\n" + ok());
}

TEST_CASE("AT#DELFLASH: the values stay until the reset - then the spec's defaults (8.4)") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#PPPMODE=2") == ok());
  CHECK(module.at("AT#DELFLASH") == ok());
  CHECK(module.flashWrite() == FlashImage{});
  CHECK(module.at("AT#PPPMODE?") == "\r\n#PPPMODE: 2\r\n" + ok());
  CHECK(module.at("AT+CFUN=1") == ok());
  CHECK(module.at("ATE0") == "ATE0\r\r\nOK\r\n");
  CHECK(module.at("AT#PPPMODE?") == "\r\n#PPPMODE: 1\r\n" + ok());
}

TEST_CASE("a flash value that is not legal is skipped at power-on") {
  ModuleDriver module = quietDriver({}, FlashImage{{"PPPMODE", "7"}, {"GPRSCID", "3"}});
  CHECK(module.at("AT#PPPMODE?") == "\r\n#PPPMODE: 1\r\n" + ok());
  CHECK(module.at("AT#GPRSCID?") == "\r\n#GPRSCID: 3\r\n" + ok());
}

}  // namespace
}  // namespace atsharp::reference::test
