// The standard command interpreter around the AT# set: AT, echo, verbose and numeric results,
// ATQ (1.2), unknown commands, syntax errors, the line-length limit, A/, AT+CFUN=1.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "module_driver.hpp"

namespace atsharp::reference::test {
namespace {

TEST_CASE("AT answers OK with the echo of the line (ATE1 at power-on)") {
  ModuleDriver module;
  CHECK(module.at("AT") == "AT\r\r\nOK\r\n");
  CHECK(module.at("at") == "at\r\r\nOK\r\n");
}

TEST_CASE("ATE0 stops the echo from the next line on") {
  ModuleDriver module;
  CHECK(module.at("ATE0") == "ATE0\r\r\nOK\r\n");
  CHECK(module.at("AT") == "\r\nOK\r\n");
  CHECK(module.at("ATE1") == "\r\nOK\r\n");
  CHECK(module.at("AT") == "AT\r\r\nOK\r\n");
}

TEST_CASE("ATV0 gives numeric results at once - info messages and errors included") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("ATV0") == "0\r");
  CHECK(module.at("AT") == "0\r");
  CHECK(module.at("AT#VSTATE") == "#STATE: \"IDLE\"\r\n0\r");
  CHECK(module.at("ATX") == "4\r");
  CHECK(module.at("AT#NOSUCH") == "#CME ERROR: 34817\r\n");
  CHECK(module.at("ATV1") == "\r\nOK\r\n");
}

TEST_CASE("ATQ answers +CME ERROR: 600 while the IP application runs (1.2)") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("ATQ") == "\r\n+CME ERROR: 600\r\n");
  CHECK(module.at("ATQ0") == "\r\n+CME ERROR: 600\r\n");
  CHECK(module.at("ATQ1") == "\r\n+CME ERROR: 600\r\n");
}

TEST_CASE("AT+WOPEN=0 stops the IP application: no AT# commands - ATQ0 allowed") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT+WOPEN?") == "\r\n+WOPEN: 1\r\n\r\nOK\r\n");
  CHECK(module.at("AT+WOPEN=0") == "\r\nOK\r\n");
  CHECK(module.at("AT#VSTATE") == "\r\nERROR\r\n");
  CHECK(module.at("ATQ0") == "\r\nOK\r\n");
  CHECK(module.at("ATQ1") == "\r\nERROR\r\n");
  CHECK(module.at("AT+WOPEN=1") == "\r\nOK\r\n");
  CHECK(module.at("AT#VSTATE") == "\r\n#STATE: \"IDLE\"\r\n\r\nOK\r\n");
}

TEST_CASE("unknown commands: ERROR from the standard interpreter - 34817 for AT#") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("ATX") == "\r\nERROR\r\n");
  CHECK(module.at("AT+NOSUCH") == "\r\nERROR\r\n");
  CHECK(module.at("AT+NOSUCH=1") == "\r\nERROR\r\n");
  CHECK(module.at("AT#NOSUCH") == "\r\n#CME ERROR: 34817\r\n");
  CHECK(module.at("AT#REC4") == "\r\n#CME ERROR: 34817\r\n");
}

TEST_CASE("syntax errors: 34819 in an AT# command - ERROR elsewhere") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#PPPMODE=\"1") == "\r\n#CME ERROR: 34819\r\n");
  CHECK(module.at("AT#PPPMODE") == "\r\n#CME ERROR: 34819\r\n");
  CHECK(module.at("AT#PPPMODE=1,2") == "\r\n#CME ERROR: 34819\r\n");
  CHECK(module.at("AT#PPPMODE=?") == "\r\n#CME ERROR: 34819\r\n");
  CHECK(module.at("AT#VSTATE=1") == "\r\n#CME ERROR: 34819\r\n");
  CHECK(module.at("AT#") == "\r\n#CME ERROR: 34819\r\n");
  CHECK(module.at("AT!") == "\r\nERROR\r\n");
}

TEST_CASE("a line over the limit answers 34881 and the module goes on") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#SUBJ1=\"" + std::string(400, 'x') + "\"") == "\r\n#CME ERROR: 34881\r\n");
  CHECK(module.at("AT") == "\r\nOK\r\n");
}

TEST_CASE("a line without AT gets no answer") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("hello") == "");
  CHECK(module.send("\r\r\n") == "");
}

TEST_CASE("several commands on a line: one OK - the first error ends the line") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#PPPMODE=2;#GPRSCID=3") == "\r\nOK\r\n");
  CHECK(module.at("AT#PPPMODE=7;#PPPMODE=3") == "\r\n#CME ERROR: 34882\r\n");
  CHECK(module.at("AT#PPPMODE?;#GPRSCID?") ==
        "\r\n#PPPMODE: 2\r\n\r\n#GPRSCID: 3\r\n\r\nOK\r\n");
}

TEST_CASE("A/ repeats the last command line") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#VSTATE") == "\r\n#STATE: \"IDLE\"\r\n\r\nOK\r\n");
  CHECK(module.send("A/") == "\r\n#STATE: \"IDLE\"\r\n\r\nOK\r\n");
}

TEST_CASE("ATS0 keeps the rings-to-answer register") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("ATS0?") == "\r\n000\r\n\r\nOK\r\n");
  CHECK(module.at("ATS0=2") == "\r\nOK\r\n");
  CHECK(module.at("ATS0?") == "\r\n002\r\n\r\nOK\r\n");
  CHECK(module.at("ATS0=256") == "\r\nERROR\r\n");
}

TEST_CASE("AT+CMEE=0 turns standard command errors into ERROR - AT# errors keep their code") {
  Scenario noSim;
  noSim.sim.present = false;
  ModuleDriver module = quietDriver(noSim);
  CHECK(module.at("AT+CPIN?") == "\r\n+CME ERROR: 10\r\n");
  CHECK(module.at("AT+CMEE=0") == "\r\nOK\r\n");
  CHECK(module.at("AT+CPIN?") == "\r\nERROR\r\n");
  CHECK(module.at("AT#NOSUCH") == "\r\n#CME ERROR: 34817\r\n");
  CHECK(module.at("AT+CMEE?") == "\r\n+CMEE: 0\r\n\r\nOK\r\n");
}

TEST_CASE("AT+CFUN=1 answers OK then restarts: echo and verbose back to power-on") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("ATV0") == "0\r");
  CHECK(module.at("AT+CFUN=1") == "0\r");
  CHECK(module.at("AT") == "AT\r\r\nOK\r\n");
}

TEST_CASE("ATZ and AT&F bring echo and verbose back") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("ATV0") == "0\r");
  CHECK(module.at("ATZ") == "\r\nOK\r\n");
  CHECK(module.at("AT") == "AT\r\r\nOK\r\n");
}

}  // namespace
}  // namespace atsharp::reference::test
