// The link to the Internet started by the host: GPRS activation and GSM calls with PPP
// (2.2.2, 2.2.3, A.5), their errors, redialing, and what changes while the link runs.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "module_driver.hpp"

namespace atsharp::reference::test {
namespace {

const std::string kOk = "\r\nOK\r\n";

std::string error(int code) { return "\r\n#CME ERROR: " + std::to_string(code) + "\r\n"; }

ModuleDriver attached(Scenario scenario = {}) {
  scenario.gprs.attached = true;
  return quietDriver(scenario);
}

ModuleDriver gsm(Scenario scenario = {}) {
  ModuleDriver module = quietDriver(scenario);
  REQUIRE(module.at("AT#GPRSMODE=0") == kOk);
  REQUIRE(module.at("AT#DIALN1=\"0860000000\"") == kOk);
  return module;
}

TEST_CASE("A.5.2 connection over GPRS - stop") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT+CGATT=1") == kOk);
  module.settle();
  CHECK(module.at("AT#GPRSMODE=1") == kOk);
  CHECK(module.at("AT#APNSERV=\"apnserver.com\"") == kOk);
  CHECK(module.at("AT#APNUN=\"login\"") == kOk);
  CHECK(module.at("AT#APNPW=\"password\"") == kOk);
  CHECK(module.at("AT#ConnectionStart") == "");
  CHECK(module.wait(ModuleTime{499}) == "");
  CHECK(module.wait(ModuleTime{1}) == "\r\n127.0.0.2\r\n\r\nOk_Info_GprsActivation\r\n");
  CHECK(module.at("AT#VSTATE") == "\r\n#STATE: \"CONNECTED\"\r\n" + kOk);
  CHECK(module.at("AT#DISPLAYIP") == "\r\nMY IP: 127.0.0.2\r\nGateway IP: 127.0.0.1\r\n" + kOk);
  CHECK(module.at("AT#ConnectionStop") == "");
  CHECK(module.wait(ModuleTime{300}) == kOk);
  CHECK(module.at("AT#VSTATE") == "\r\n#STATE: \"IDLE\"\r\n" + kOk);
}

TEST_CASE("GPRS refused: not attached or not registered 35865 - no SIM 35871 - twice 35840") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#CONNECTIONSTART") == error(35865));
  Scenario noNetwork;
  noNetwork.network.registration = 0;
  CHECK(quietDriver(noNetwork).at("AT#CONNECTIONSTART") == error(35865));
  Scenario noSim;
  noSim.sim.present = false;
  CHECK(quietDriver(noSim).at("AT#CONNECTIONSTART") == error(35871));
  ModuleDriver running = attached();
  running.at("AT#CONNECTIONSTART");
  running.settle();
  CHECK(running.at("AT#CONNECTIONSTART") == error(35840));
}

TEST_CASE("GPRS activation refused 35866 - aborted 35868 - an APN the network does not know 35868") {
  Scenario refused;
  refused.gprs.activation = ActivationOutcome::Refused;
  ModuleDriver one = attached(refused);
  one.at("AT#CONNECTIONSTART");
  CHECK(one.settle() == error(35866));
  CHECK(one.at("AT#VSTATE") == "\r\n#STATE: \"IDLE\"\r\n" + kOk);

  Scenario aborted;
  aborted.gprs.activation = ActivationOutcome::Aborted;
  ModuleDriver two = attached(aborted);
  two.at("AT#CONNECTIONSTART");
  CHECK(two.settle() == error(35868));

  Scenario apn;
  apn.gprs.apn = "internet.test";
  ModuleDriver three = attached(apn);
  three.at("AT#APNSERV=\"wrong.test\"");
  three.at("AT#CONNECTIONSTART");
  CHECK(three.settle() == error(35868));
  three.at("AT#APNSERV=\"internet.test\"");
  three.at("AT#CONNECTIONSTART");
  CHECK(three.settle() == "\r\n127.0.0.2\r\n\r\nOk_Info_GprsActivation\r\n");
}

TEST_CASE("the GPRS session lost: 35841 - back to IDLE") {
  ModuleDriver module = attached();
  module.at("AT#CONNECTIONSTART");
  module.settle();
  CHECK(module.inject(GprsSessionLost{}) == error(35841));
  CHECK(module.at("AT#VSTATE") == "\r\n#STATE: \"IDLE\"\r\n" + kOk);
  CHECK(module.inject(GprsSessionLost{}) == "");
}

TEST_CASE("A.5.1 connection over GSM: DIALING - the number - CONNECT - the address - Ok_Info_Ppp") {
  ModuleDriver module = gsm();
  CHECK(module.at("AT#ISPUN=\"login\"") == kOk);
  CHECK(module.at("AT#ISPPW=\"password\"") == kOk);
  CHECK(module.at("AT#ConnectionStart") == "\r\nDIALING\r\n\r\n0860000000\r\n");
  CHECK(module.wait(ModuleTime{2000}) == "\r\nCONNECT 9600\r\n");
  CHECK(module.wait(ModuleTime{1000}) == "\r\n127.0.0.3\r\n\r\nOk_Info_Ppp\r\n");
  CHECK(module.at("AT#DISPLAYIP") == "\r\nMY IP: 127.0.0.3\r\nPEER IP: 127.0.0.1\r\n" + kOk);
  CHECK(module.at("AT#ConnectionStop") == "");
  CHECK(module.settle() == kOk);
}

TEST_CASE("the same call under ATV0: 9.1's numeric forms where there are some") {
  ModuleDriver module = gsm();
  CHECK(module.at("ATV0") == "0\r");
  CHECK(module.at("AT#CONNECTIONSTART") == "DIALING\r\n0860000000\r\n");
  CHECK(module.settle() == "15\r127.0.0.3\r\n3077\r");
}

TEST_CASE("commands typed while the connection runs wait for its end") {
  ModuleDriver module = gsm();
  CHECK(module.at("AT#CONNECTIONSTART") == "\r\nDIALING\r\n\r\n0860000000\r\n");
  CHECK(module.at("AT#VSTATE") == "");
  CHECK(module.settle() ==
        "\r\nCONNECT 9600\r\n\r\n127.0.0.3\r\n\r\nOk_Info_Ppp\r\n"
        "\r\n#STATE: \"CONNECTED\"\r\n" + kOk);
}

TEST_CASE("BUSY - REDIALDELAY - again REDIALCOUNT times - the last failure ends the command") {
  Scenario scenario;
  scenario.gsm.numbers["0860000000"] = CallOutcome{CallOutcome::Kind::Busy};
  ModuleDriver module = gsm(scenario);
  CHECK(module.at("AT#REDIALCOUNT=2") == kOk);
  CHECK(module.at("AT#REDIALDELAY=7") == kOk);
  const std::string attempt = "\r\nDIALING\r\n\r\n0860000000\r\n";
  CHECK(module.at("AT#CONNECTIONSTART") == attempt);
  CHECK(module.wait(ModuleTime{2000}) == "\r\nBUSY\r\n");
  CHECK(module.at("AT#VSTATE") == "");  // still the connection's turn
  CHECK(module.wait(ModuleTime{6999}) == "");
  CHECK(module.wait(ModuleTime{1}) == attempt);
  CHECK(module.wait(ModuleTime{2000}) == "\r\nBUSY\r\n");
  CHECK(module.wait(ModuleTime{7000}) == attempt);
  CHECK(module.wait(ModuleTime{2000}) == "\r\nBUSY\r\n\r\n#STATE: \"IDLE\"\r\n" + kOk);
  CHECK(module.settle() == "");
}

TEST_CASE("REDIALCOUNT 0: one attempt - NO ANSWER and NO CARRIER likewise") {
  Scenario scenario;
  scenario.gsm.defaultOutcome = CallOutcome{CallOutcome::Kind::NoAnswer};
  scenario.gsm.numbers["0111"] = CallOutcome{CallOutcome::Kind::NoCarrier};
  ModuleDriver module = gsm(scenario);
  module.at("AT#REDIALCOUNT=0");
  module.at("AT#CONNECTIONSTART");
  CHECK(module.settle() == "\r\nNO ANSWER\r\n");
  module.at("AT#DIALN2=\"0111\"");
  module.at("AT#DIALSELECT=2");
  CHECK(module.at("AT#CONNECTIONSTART") == "\r\nDIALING\r\n\r\n0111\r\n");
  CHECK(module.settle() == "\r\nNO CARRIER\r\n");
}

TEST_CASE("a number set from the control channel gives its outcome") {
  ModuleDriver module = gsm();
  module.at("AT#REDIALCOUNT=0");
  module.inject(DialOutcome{"0860000000", CallOutcome{CallOutcome::Kind::Busy}});
  module.at("AT#CONNECTIONSTART");
  CHECK(module.settle() == "\r\nBUSY\r\n");
  module.inject(DialOutcome{"0860000000", CallOutcome{CallOutcome::Kind::Connect, 14400}});
  module.at("AT#CONNECTIONSTART");
  CHECK(module.settle() == "\r\nCONNECT 14400\r\n\r\n127.0.0.3\r\n\r\nOk_Info_Ppp\r\n");
}

TEST_CASE("no number to dial answers 36929") {
  ModuleDriver module = quietDriver();
  module.at("AT#GPRSMODE=0");
  CHECK(module.at("AT#CONNECTIONSTART") == error(36929));
}

TEST_CASE("PPP failures by role: client 37120 or 38980 - server 37121 or 38981") {
  struct Case {
    PppOutcome outcome;
    const char* pppMode;
    int code;
  };
  for (const Case& c : {Case{PppOutcome::Failed, "1", 37120}, Case{PppOutcome::Timeout, "3", 38980},
                        Case{PppOutcome::Failed, "2", 37121}, Case{PppOutcome::Timeout, "4", 38981}}) {
    CAPTURE(c.pppMode);
    Scenario scenario;
    scenario.gsm.ppp = c.outcome;
    ModuleDriver module = gsm(scenario);
    module.at(std::string("AT#PPPMODE=") + c.pppMode);
    module.at("AT#CONNECTIONSTART");
    CHECK(module.settle() == "\r\nCONNECT 9600\r\n" + error(c.code));
  }
}

TEST_CASE("an ISP account the peer does not know fails PPP with 37120") {
  Scenario scenario;
  scenario.gsm.ispUser = "login";
  scenario.gsm.ispPassword = "password";
  ModuleDriver module = gsm(scenario);
  module.at("AT#ISPUN=\"login\"");
  module.at("AT#ISPPW=\"wrong\"");
  module.at("AT#CONNECTIONSTART");
  CHECK(module.settle() == "\r\nCONNECT 9600\r\n" + error(37120));
}

TEST_CASE("as a PPP server the module gives PPPMYIP and PPPPEERIP (2.1.14 - 2.1.15)") {
  ModuleDriver module = gsm();
  module.at("AT#PPPMODE=4");
  module.at("AT#PPPMYIP=\"1.2.3.4\"");
  module.at("AT#PPPPEERIP=\"1.0.3.5\"");
  module.at("AT#CONNECTIONSTART");
  CHECK(module.settle() == "\r\nCONNECT 9600\r\n\r\n1.2.3.4\r\n\r\nOk_Info_Ppp\r\n");
  CHECK(module.at("AT#DISPLAYIP") == "\r\nMY IP: 1.2.3.4\r\nPEER IP: 1.0.3.5\r\n" + kOk);
}

TEST_CASE("a parameter the link reads cannot change while the link runs: 37123") {
  ModuleDriver module = attached();
  module.at("AT#CONNECTIONSTART");
  module.settle();
  CHECK(module.at("AT#APNSERV=\"other\"") == error(37123));
  CHECK(module.at("AT#GPRSMODE=0") == error(37123));
  CHECK(module.at("AT#PHYTIMEOUT=20") == kOk);
  CHECK(module.at("AT#APNSERV?") == "\r\n#APNSERV: \"\"\r\n" + kOk);
  module.at("AT#CONNECTIONSTOP");
  module.settle();
  CHECK(module.at("AT#APNSERV=\"other\"") == kOk);
}

TEST_CASE("PHYTIMEOUT minutes without activity end the link with TIMEOUT (2.1.6)") {
  ModuleDriver module = attached();
  module.at("AT#PHYTIMEOUT=1");
  module.at("AT#CONNECTIONSTART");
  module.settle(ModuleTime{1000});
  CHECK(module.wait(ModuleTime{59999}) == "");
  CHECK(module.wait(ModuleTime{1}) == "\r\nTIMEOUT\r\n");
  CHECK(module.at("AT#VSTATE") == "\r\n#STATE: \"DISCONNECTING\"\r\n" + kOk);
  CHECK(module.settle() == "");
  CHECK(module.at("AT#VSTATE") == "\r\n#STATE: \"IDLE\"\r\n" + kOk);
}

TEST_CASE("AT#CONNECTIONSTOP without a link answers OK (2.2.2)") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#CONNECTIONSTOP") == kOk);
}

TEST_CASE("the SIM taken out during a GSM call: NO CARRIER then 35871") {
  ModuleDriver module = gsm();
  module.at("AT#CONNECTIONSTART");
  module.settle();
  CHECK(module.inject(SimPresence{false}) == "\r\nNO CARRIER\r\n" + error(35871));
  CHECK(module.at("AT#VSTATE") == "\r\n#NO SERVICE\r\n");
}

}  // namespace
}  // namespace atsharp::reference::test
