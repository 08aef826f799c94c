// Incoming calls (2.1.1 to 2.1.7, 2.2.1): RING with the caller's number, AT#ACCEPT, the
// automatic answer, static and dynamic callbacks, call screening, and the states on the way.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "module_driver.hpp"

namespace atsharp::reference::test {
namespace {

const std::string kOk = "\r\nOK\r\n";
const std::string kRing = "\r\nRING\r\n";

std::string error(int code) { return "\r\n#CME ERROR: " + std::to_string(code) + "\r\n"; }
std::string state(std::string_view name) {
  return "\r\n#STATE: \"" + std::string{name} + "\"\r\n" + kOk;
}

IncomingCall call(std::optional<std::string> caller = "0612345678",
                  CallType type = CallType::Data) {
  return IncomingCall{std::move(caller), type, 0};
}

TEST_CASE("RING every ring interval - with +CLIP when enabled - until the caller hangs up") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT+CLIP=1") == kOk);
  CHECK(module.inject(call()) == kRing + "\r\n+CLIP: \"0612345678\",129\r\n");
  CHECK(module.wait(ModuleTime{4999}) == "");
  CHECK(module.wait(ModuleTime{1}) == kRing + "\r\n+CLIP: \"0612345678\",129\r\n");
  CHECK(module.inject(HangUp{}) == "");
  CHECK(module.settle() == "");
  CHECK(module.inject(call("+33612345678")) == kRing + "\r\n+CLIP: \"+33612345678\",145\r\n");
}

TEST_CASE("a caller who gives up after some rings stops ringing") {
  ModuleDriver module = quietDriver();
  CHECK(module.inject(IncomingCall{std::nullopt, CallType::Data, 2}) == kRing);
  CHECK(module.settle() == kRing);
}

TEST_CASE("2.2.1.2 AT#ACCEPT: OK - then CONNECT - the address - PPP OK") {
  ModuleDriver module = quietDriver();
  module.at("AT#GPRSMODE=0");
  module.at("AT#PPPMYIP=\"1.2.3.4\"");
  module.at("AT#PPPPEERIP=\"1.0.3.5\"");
  module.inject(call());
  CHECK(module.at("AT#ACCEPT") == kOk);
  CHECK(module.at("AT#VSTATE") == state("CHECKING"));
  CHECK(module.wait(ModuleTime{1000}) == "\r\nCONNECT 9600\r\n");
  CHECK(module.at("AT#VSTATE") == state("AUTHENTICATING"));
  CHECK(module.wait(ModuleTime{1000}) == "\r\n1.2.3.4\r\n\r\nPPP OK\r\n");
  CHECK(module.at("AT#VSTATE") == state("CONNECTED"));
  // 2.3.2's GSM example: PPPMYIP and PPPPEERIP, the module being the PPP server.
  CHECK(module.at("AT#DISPLAYIP") == "\r\nMY IP: 1.2.3.4\r\nPEER IP: 1.0.3.5\r\n" + kOk);
  CHECK(module.inject(HangUp{}) == "\r\nNO CARRIER\r\n");
  CHECK(module.at("AT#VSTATE") == state("IDLE"));
}

TEST_CASE("AT#ACCEPT with no call 35867 - a voice call 35869 - PPP failure PPP ERROR") {
  ModuleDriver module = quietDriver();
  CHECK(module.at("AT#ACCEPT") == error(35867));
  module.inject(call("0612345678", CallType::Voice));
  CHECK(module.at("AT#ACCEPT") == error(35869));
  module.inject(HangUp{});
  Scenario scenario;
  scenario.incoming.ppp = PppOutcome::Failed;
  ModuleDriver failing = quietDriver(scenario);
  failing.inject(call());
  CHECK(failing.at("AT#ACCEPT") == kOk);
  CHECK(failing.settle() == "\r\nCONNECT 9600\r\n\r\nPPP ERROR\r\n");
  CHECK(failing.at("AT#VSTATE") == state("IDLE"));
}

TEST_CASE("ANSWERMODE 1 answers after RINGCOUNT rings a caller CALLSCREENNUM lets in") {
  ModuleDriver module = quietDriver();
  module.at("AT#ANSWERMODE=1");
  module.at("AT#RINGCOUNT=2");
  module.at("AT#CALLSCREENNUM=\"0612345678\"");
  CHECK(module.inject(call()) == kRing);
  CHECK(module.wait(ModuleTime{5000}) == kRing);
  CHECK(module.at("AT#VSTATE") == state("CHECKING"));
  CHECK(module.settle() == "\r\nCONNECT 9600\r\n\r\n0.0.0.0\r\n\r\nPPP OK\r\n");
  CHECK(module.at("AT#VSTATE") == state("CONNECTED"));
}

TEST_CASE("call screening: 0 lets nobody in - another number is ignored - star lets all in") {
  for (const char* screen : {"0", "0699999999"}) {
    CAPTURE(screen);
    ModuleDriver module = quietDriver();
    module.at("AT#ANSWERMODE=1");
    module.at("AT#RINGCOUNT=1");
    module.at(std::string("AT#CALLSCREENNUM=\"") + screen + "\"");
    CHECK(module.inject(IncomingCall{"0612345678", CallType::Data, 3}) == kRing);
    CHECK(module.settle() == kRing + kRing);
    CHECK(module.at("AT#VSTATE") == state("IDLE"));
  }
  ModuleDriver open = quietDriver();
  open.at("AT#ANSWERMODE=1");
  open.at("AT#RINGCOUNT=1");
  open.at("AT#CALLSCREENNUM=\"*\"");
  CHECK(open.inject(call(std::nullopt)) == kRing);
  CHECK(open.settle() == "\r\nCONNECT 9600\r\n\r\n0.0.0.0\r\n\r\nPPP OK\r\n");
}

TEST_CASE("ANSWERMODE 1 with RINGCOUNT 0 does not answer (2.1.7)") {
  ModuleDriver module = quietDriver();
  module.at("AT#ANSWERMODE=1");
  module.at("AT#CALLSCREENNUM=\"*\"");
  module.inject(IncomingCall{"0612345678", CallType::Data, 2});
  CHECK(module.settle() == kRing);
  CHECK(module.at("AT#VSTATE") == state("IDLE"));
}

TEST_CASE("an automatic answer to a voice call reports 35869") {
  ModuleDriver module = quietDriver();
  module.at("AT#ANSWERMODE=1");
  module.at("AT#RINGCOUNT=1");
  module.at("AT#CALLSCREENNUM=\"*\"");
  CHECK(module.inject(IncomingCall{"0612345678", CallType::Voice, 1}) == kRing + error(35869));
}

TEST_CASE("ANSWERMODE 2: CALLBACKTIMER after the ringing - then DIALN1 is dialed") {
  ModuleDriver module = quietDriver();
  module.at("AT#GPRSMODE=0");
  module.at("AT#DIALN1=\"0860000000\"");
  module.at("AT#ANSWERMODE=2");
  module.at("AT#RINGCOUNT=1");
  module.at("AT#CALLBACKTIMER=3");
  module.at("AT#CALLSCREENNUM=\"*\"");
  CHECK(module.inject(call()) == kRing);
  CHECK(module.at("AT#VSTATE") == state("CHECKING"));
  CHECK(module.wait(ModuleTime{2999}) == "");
  CHECK(module.wait(ModuleTime{1}) == "\r\nDIALING\r\n\r\n0860000000\r\n");
  CHECK(module.at("AT#VSTATE") == state("DIALING"));
  CHECK(module.settle() == "\r\nCONNECT 9600\r\n\r\n127.0.0.3\r\n\r\nOk_Info_Ppp\r\n");
}

TEST_CASE("ANSWERMODE 2 in GPRS mode activates GPRS as AT#CONNECTIONSTART would") {
  Scenario scenario;
  scenario.gprs.attached = true;
  ModuleDriver module = quietDriver(scenario);
  module.at("AT#ANSWERMODE=2");
  module.at("AT#RINGCOUNT=1");
  module.at("AT#CALLSCREENNUM=\"*\"");
  module.inject(call());
  CHECK(module.settle() == "\r\n127.0.0.2\r\n\r\nOk_Info_GprsActivation\r\n");
}

TEST_CASE("ANSWERMODE 3 calls the caller back - without a caller id 35870") {
  ModuleDriver module = quietDriver();
  module.at("AT#GPRSMODE=0");
  module.at("AT#ANSWERMODE=3");
  module.at("AT#RINGCOUNT=1");
  module.at("AT#CALLSCREENNUM=\"*\"");
  CHECK(module.inject(call()) == kRing);
  CHECK(module.settle() ==
        "\r\nDIALING\r\n\r\n0612345678\r\n\r\nCONNECT 9600\r\n\r\n127.0.0.3\r\n\r\nOk_Info_Ppp\r\n");
  module.at("AT#CONNECTIONSTOP");
  module.settle();
  CHECK(module.inject(call(std::nullopt)) == kRing + error(35870));
  CHECK(module.settle() == "");
}

TEST_CASE("a call while the link runs is not offered") {
  Scenario scenario;
  scenario.gprs.attached = true;
  ModuleDriver module = quietDriver(scenario);
  module.at("AT#CONNECTIONSTART");
  module.settle();
  CHECK(module.inject(call()) == "");
}

TEST_CASE("AT#CONNECTIONSTOP cancels a callback on its way") {
  ModuleDriver module = quietDriver();
  module.at("AT#GPRSMODE=0");
  module.at("AT#DIALN1=\"0860000000\"");
  module.at("AT#ANSWERMODE=2");
  module.at("AT#RINGCOUNT=1");
  module.at("AT#CALLSCREENNUM=\"*\"");
  module.inject(call());
  CHECK(module.at("AT#CONNECTIONSTOP") == kOk);
  CHECK(module.settle() == "");
  CHECK(module.at("AT#VSTATE") == state("IDLE"));
}

}  // namespace
}  // namespace atsharp::reference::test
