// The simulated radio: SIM and PIN, registration (+CREG), GPRS attachment (+CGREG, AT+CGATT),
// as appendix A.3 and A.4 use them.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "module_driver.hpp"

namespace atsharp::reference::test {
namespace {

const std::string kOk = "\r\nOK\r\n";

TEST_CASE("A.3 with the default scenario: PIN taken - +CREG: 1 right after enabling reports") {
  ModuleDriver module;
  CHECK(module.at("AT+CPIN=1234") == "AT+CPIN=1234\r" + kOk);
  CHECK(module.at("AT+CREG=1") == "AT+CREG=1\r" + kOk + "\r\n+CREG: 1\r\n");
  CHECK(module.at("AT+CREG?") == "AT+CREG?\r\r\n+CREG: 1,1\r\n" + kOk);
}

TEST_CASE("A.4: AT+CGATT=1 attaches with +CGREG: 2 then +CGREG: 1") {
  ModuleDriver module;
  CHECK(module.at("AT+CGREG=1") == "AT+CGREG=1\r" + kOk + "\r\n+CGREG: 0\r\n");
  CHECK(module.at("AT+CGATT=1") == "AT+CGATT=1\r" + kOk + "\r\n+CGREG: 2\r\n");
  CHECK(module.wait(ModuleTime{499}) == "");
  CHECK(module.wait(ModuleTime{1}) == "\r\n+CGREG: 1\r\n");
  CHECK(module.at("AT+CGATT?") == "AT+CGATT?\r\r\n+CGATT: 1\r\n" + kOk);
  CHECK(module.at("AT+CGATT=1") == "AT+CGATT=1\r" + kOk);
}

TEST_CASE("a SIM with a PIN: not registered until the PIN - a wrong PIN answers 16") {
  Scenario scenario;
  scenario.sim.pin = "0000";
  ModuleDriver module = quietDriver(scenario);
  CHECK(module.at("AT+CPIN?") == "\r\n+CPIN: SIM PIN\r\n" + kOk);
  CHECK(module.at("AT+CREG?") == "\r\n+CREG: 0,0\r\n" + kOk);
  CHECK(module.at("AT#VSTATE") == "\r\n#NO SERVICE\r\n");
  CHECK(module.at("AT+CPIN=1111") == "\r\n+CME ERROR: 16\r\n");
  CHECK(module.at("AT+CREG=1") == kOk + "\r\n+CREG: 0\r\n");
  CHECK(module.at("AT+CPIN=0000") == kOk + "\r\n+CREG: 2\r\n");
  CHECK(module.at("AT+CPIN?") == "\r\n+CPIN: READY\r\n" + kOk);
  CHECK(module.wait(ModuleTime{1000}) == "\r\n+CREG: 1\r\n");
  CHECK(module.at("AT#VSTATE") == "\r\n#STATE: \"IDLE\"\r\n" + kOk);
}

TEST_CASE("without a SIM: +CME ERROR: 10 - no registration - no attach") {
  Scenario scenario;
  scenario.sim.present = false;
  ModuleDriver module = quietDriver(scenario);
  CHECK(module.at("AT+CPIN?") == "\r\n+CME ERROR: 10\r\n");
  CHECK(module.at("AT+CPIN=0000") == "\r\n+CME ERROR: 10\r\n");
  CHECK(module.at("AT+CGATT=1") == "\r\n+CME ERROR: 30\r\n");
}

TEST_CASE("the SIM taken out: 35871 - registration lost - put back: registered again") {
  ModuleDriver module = quietDriver();
  module.at("AT+CREG=1");
  CHECK(module.inject(SimPresence{false}) == "\r\n+CREG: 0\r\n\r\n#CME ERROR: 35871\r\n");
  CHECK(module.at("AT#VSTATE") == "\r\n#NO SERVICE\r\n");
  CHECK(module.inject(SimPresence{true}) == "\r\n+CREG: 2\r\n");
  CHECK(module.settle() == "\r\n+CREG: 1\r\n");
}

TEST_CASE("registration changes from the network are reported when enabled") {
  ModuleDriver module = quietDriver();
  CHECK(module.inject(Registration{5}) == "");
  CHECK(module.at("AT+CREG?") == "\r\n+CREG: 0,5\r\n" + kOk);
  module.at("AT+CREG=2");
  CHECK(module.inject(Registration{3}) == "\r\n+CREG: 3\r\n");
  CHECK(module.at("AT+CREG=3") == "\r\nERROR\r\n");
  CHECK(module.at("AT+CREG=?") == "\r\n+CREG: (0-2)\r\n" + kOk);
}

TEST_CASE("GPRS attachment not allowed by the network answers 107") {
  Scenario scenario;
  scenario.gprs.attachAllowed = false;
  ModuleDriver module = quietDriver(scenario);
  CHECK(module.at("AT+CGATT=1") == "\r\n+CME ERROR: 107\r\n");
}

TEST_CASE("AT+CGATT=0 detaches - the network can detach too") {
  Scenario scenario;
  scenario.gprs.attached = true;
  ModuleDriver module = quietDriver(scenario);
  CHECK(module.at("AT+CGREG=1") == kOk + "\r\n+CGREG: 1\r\n");
  CHECK(module.at("AT+CGATT=0") == kOk + "\r\n+CGREG: 0\r\n");
  module.at("AT+CGATT=1");
  module.settle();
  CHECK(module.inject(GprsAttachment{false}) == "\r\n+CGREG: 0\r\n");
}

TEST_CASE("unsolicited lines wait while a command runs and follow its final result") {
  ModuleDriver module = quietDriver();
  module.at("AT+CREG=1");
  module.at("AT#BODY1");  // an entry holds the line like a running command
  CHECK(module.inject(Registration{5}) == "");
  CHECK(module.send("\x1a") == kOk + "\r\n+CREG: 5\r\n");
}

}  // namespace
}  // namespace atsharp::reference::test
