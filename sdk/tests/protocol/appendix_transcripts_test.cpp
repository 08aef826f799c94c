// The example flows of the spec's appendix A, as the module sends them with echo on.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "event_printing.hpp"
#include "event_text.hpp"
#include "random.hpp"

namespace atsharp::test {
namespace {

using Lines = std::vector<std::string>;

// Each transcript must parse the same in one piece and byte by byte.
Lines parseBothWays(std::string_view stream) {
  const Lines whole = parse(stream);
  ResponseParser parser;
  CHECK(parse(parser, fixedChunks(asBytes(stream), 1)) == whole);
  return whole;
}

TEST_CASE("A.2 AT# interface") {
  CHECK(parseBothWays("AT#PPPmode=1\r\r\nOK\r\nAT#PPPmode?\r\r\n#PPPMODE: 1\r\n\r\nOK\r\n") ==
        Lines{"echo AT#PPPmode=1", "result OK", "echo AT#PPPmode?", "info #PPPMODE: 1",
              "result OK"});
}

TEST_CASE("A.3 and A.4 network registration with unsolicited reports") {
  CHECK(parseBothWays("AT+CREG=1\r\r\nOK\r\n\r\n+CREG: 1\r\n") ==
        Lines{"echo AT+CREG=1", "result OK", "urc creg +CREG: 1"});
  CHECK(parseBothWays("AT+CGREG=1\r\r\nOK\r\n\r\n+CGREG:0\r\nAT+CGATT=1\r\r\n+CGREG: 2\r\n"
                      "\r\n+CGREG: 1\r\n\r\nOK\r\n") ==
        Lines{"echo AT+CGREG=1", "result OK", "urc cgreg +CGREG:0", "echo AT+CGATT=1",
              "urc cgreg +CGREG: 2", "urc cgreg +CGREG: 1", "result OK"});
}

TEST_CASE("A.5.1 connection over GSM data") {
  CHECK(parseBothWays("AT#ConnectionStart\r\r\nDIALING\r\n\r\n0860000000\r\n\r\nCONNECT 9600\r\n"
                      "\r\n213.30.30.30\r\n\r\nOk_Info_Ppp\r\nAT#ConnectionStop\r\r\nOK\r\n") ==
        Lines{"echo AT#ConnectionStart", "progress dialing DIALING",
              "progress number 0860000000", "progress connect CONNECT 9600",
              "progress ip 213.30.30.30", "result Ok_Info_Ppp", "echo AT#ConnectionStop",
              "result OK"});
}

TEST_CASE("A.5.2 connection over GPRS") {
  CHECK(parseBothWays("AT#ConnectionStart\r\r\n213.30.30.30\r\n\r\nOk_Info_GprsActivation\r\n") ==
        Lines{"echo AT#ConnectionStart", "progress ip 213.30.30.30",
              "result Ok_Info_GprsActivation"});
}

TEST_CASE("2.2.1.2 incoming call answered with AT#ACCEPT") {
  CHECK(parseBothWays("\r\nRING\r\nAT#ACCEPT\r\r\nOK\r\n\r\nCONNECT 9600\r\n\r\n1.2.3.4\r\n"
                      "\r\nPPP OK\r\n") ==
        Lines{"urc ring RING", "echo AT#ACCEPT", "result OK", "progress connect CONNECT 9600",
              "progress ip 1.2.3.4", "progress ppp-ok PPP OK"});
}

TEST_CASE("A.6.2 retrieving an e-mail") {
  CHECK(parseBothWays("AT#Getmail\r\r\nOk_Info_Mail\r\nData\r\nData\r\n.\r\n\r\nOK\r\n") ==
        Lines{"echo AT#Getmail", "result Ok_Info_Mail", "mail Data", "mail Data", "mail-end",
              "result OK"});
}

TEST_CASE("A.7.2 downloading a file") {
  CHECK(parseBothWays("AT#FTPget\r\r\nOk_Info_DataBegin\r\nfile\x10\x03" "body\x03\r\nOK\r\n") ==
        Lines{"echo AT#FTPget", "result Ok_Info_DataBegin", "data-start dle",
              "data 66 69 6c 65 03 62 6f 64 79", "data-end etx", "result OK"});
}

TEST_CASE("A.8.1 TCP server - closed by the remote") {
  CHECK(parseBothWays("AT#ltcpstart=1\r\r\nOK\r\n\r\nOk_Info_WaitingForData\r\nhello\x03"
                      "\r\nOk_Info_SocketClosed\r\n\r\nOK\r\n") ==
        Lines{"echo AT#ltcpstart=1", "result OK", "result Ok_Info_WaitingForData",
              "data-start dle", "data 68 65 6c 6c 6f", "data-end etx",
              "result Ok_Info_SocketClosed", "result OK"});
}

TEST_CASE("7.2.2 ping reports are information lines") {
  CHECK(parseBothWays("\r\n\"wavecom.com\" is alive : time =  900 ms\r\n"
                      "\r\nNo answer from \" wavecom.com \"\r\n\r\nOK\r\n") ==
        Lines{"info \"wavecom.com\" is alive : time =  900 ms",
              "info No answer from \" wavecom.com \"", "result OK"});
}

TEST_CASE("8.2.2 and 8.3.2 display answers") {
  CHECK(parseBothWays("AT#VSTATE\r\r\n#NO SERVICE\r\n") ==
        Lines{"echo AT#VSTATE", "result #NO SERVICE"});
  CHECK(parseBothWays("\r\neDsoft-W302_V03.00\r\n\r\n#ANSWERMODE: 0\r\n\r\n#FTPTYPE = I\r\n"
                      "\r\n#UDPPORT: 0\r\n\r\nOK\r\n") ==
        Lines{"info eDsoft-W302_V03.00", "info #ANSWERMODE: 0", "info #FTPTYPE = I",
              "info #UDPPORT: 0", "result OK"});
}

}  // namespace
}  // namespace atsharp::test
