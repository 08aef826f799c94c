// What each kind of line the module sends becomes, in verbose (ATV1) and numeric (ATV0) form.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "event_printing.hpp"
#include "event_text.hpp"

namespace atsharp::test {
namespace {

struct Case {
  std::string line;
  std::string expected;
};

void checkAll(const std::vector<Case>& cases, ResultFormat format) {
  for (const Case& c : cases) {
    CAPTURE(c.line);
    const std::vector<std::string> events =
        parse("\r\n" + c.line + "\r\n", {.format = format});
    REQUIRE(events.size() == 1);
    CHECK(events[0] == c.expected);
  }
}

TEST_CASE("verbose final results and information messages of 9.1") {
  checkAll({{"OK", "result OK"},
            {"ERROR", "result ERROR"},
            {"NO CARRIER", "result NO CARRIER"},
            {"BUSY", "result BUSY"},
            {"NO ANSWER", "result NO ANSWER"},
            {"Ok_Info_SocketClosed", "result Ok_Info_SocketClosed"},
            {"Ok_Info_NoMail", "result Ok_Info_NoMail"},
            {"Ok_Info_Ppp", "result Ok_Info_Ppp"},
            {"Ok_Info_GprsActivation", "result Ok_Info_GprsActivation"},
            {"PPP ERROR", "result PPP ERROR"},
            {"#NO SERVICE", "result #NO SERVICE"}},
           ResultFormat::Verbose);
}

TEST_CASE("numeric results of 9.1 under ATV0 - info messages included") {
  checkAll({{"0", "result# OK"},
            {"4", "result# ERROR"},
            {"3", "result# NO CARRIER"},
            {"7", "result# BUSY"},
            {"8", "result# NO ANSWER"},
            {"2", "urc ring 2"},
            {"15", "progress connect CONNECT 9600"},
            {"12", "progress connect CONNECT 1200/75"},
            {"3074", "result# Ok_Info_SocketClosed"},
            {"3072", "result# Ok_Info_NoMail"},
            {"3077", "result# Ok_Info_Ppp"},
            {"3086", "result# Ok_Info_GprsActivation"},
            // Not a 9.1 code: a number the module dialed.
            {"2124560123", "progress number 2124560123"},
            {"99", "progress number 99"},
            // Verbose-only messages keep their text under ATV0.
            {"DIALING", "progress dialing DIALING"},
            {"#CME ERROR: 34817", "cme #34817"}},
           ResultFormat::Numeric);
}

TEST_CASE("a bare number is a dialed number under ATV1 and a result under ATV0") {
  CHECK(parse("\r\n0\r\n", {.format = ResultFormat::Verbose}) ==
        std::vector<std::string>{"progress number 0"});
  CHECK(parse("0\r", {.format = ResultFormat::Numeric}) ==
        std::vector<std::string>{"result# OK"});
  CHECK(parse("0\r", {.format = ResultFormat::Either}) ==
        std::vector<std::string>{"result# OK"});
  CHECK(parse("\r\nOK\r\n", {.format = ResultFormat::Either}) ==
        std::vector<std::string>{"result OK"});
}

TEST_CASE("CME errors with either prefix - with or without the space") {
  checkAll({{"#CME ERROR: 38027", "cme #38027"},
            {"+CME ERROR: 600", "cme +600"},
            {"+CME ERROR:600", "cme +600"},
            {"#CME ERROR:  35865 ", "cme #35865"},
            // Not an error line: no code, or not a number, or another prefix.
            {"#CME ERROR:", "info #CME ERROR:"},
            {"#CME ERROR: 12x", "info #CME ERROR: 12x"},
            {"#CME ERROR: 1234567890", "info #CME ERROR: 1234567890"},
            {"CME ERROR: 3", "info CME ERROR: 3"}},
           ResultFormat::Verbose);
}

TEST_CASE("call progress lines of 2.2.1.2 and 2.2.3.2") {
  checkAll({{"DIALING", "progress dialing DIALING"},
            {"2124560123", "progress number 2124560123"},
            {"+33860000000", "progress number +33860000000"},
            {"CONNECT 9600", "progress connect CONNECT 9600"},
            {"CONNECT 1200/75", "progress connect CONNECT 1200/75"},
            {"CONNECT 115200", "progress connect CONNECT 115200"},
            {"213.192.200.4", "progress ip 213.192.200.4"},
            {"PPP OK", "progress ppp-ok PPP OK"}},
           ResultFormat::Verbose);
}

TEST_CASE("unsolicited lines") {
  checkAll({{"RING", "urc ring RING"},
            {"+CLIP: \"0123456789\",129", "urc clip +CLIP: \"0123456789\",129"},
            {"+CREG: 1", "urc creg +CREG: 1"},
            {"+CGREG:0", "urc cgreg +CGREG:0"},
            {"TIMEOUT", "urc timeout TIMEOUT"}},
           ResultFormat::Verbose);
}

TEST_CASE("echo and information lines") {
  checkAll({{"AT#VSTATE", "echo AT#VSTATE"},
            {"at#otcp=1", "echo at#otcp=1"},
            {"At#ConnectionStart", "echo At#ConnectionStart"},
            {"A/", "echo A/"},
            {"#STATE: \"IDLE\"", "info #STATE: \"IDLE\""},
            {"#PPPMODE: 1", "info #PPPMODE: 1"},
            {"#FTPTYPE = I", "info #FTPTYPE = I"},
            {"MY IP: 1.2.3.4", "info MY IP: 1.2.3.4"},
            {"\"wavecom.com\" is alive : time =  900 ms", "info \"wavecom.com\" is alive : time =  900 ms"},
            {"eDsoft-W302_V03.00", "info eDsoft-W302_V03.00"},
            // Near misses of results stay information.
            {"OK then", "info OK then"},
            {"Ok_Info_Unknown", "info Ok_Info_Unknown"},
            {"1.2.3", "info 1.2.3"}},
           ResultFormat::Verbose);
}

TEST_CASE("blanks around a line are not part of it - a line of blanks is no line") {
  CHECK(parse("\r\n  OK \r\n") == std::vector<std::string>{"result OK"});
  CHECK(parse("\r\n \t \r\nOK\r\n") == std::vector<std::string>{"result OK"});
}

}  // namespace
}  // namespace atsharp::test
