// The link actions (2.2) against the reference module on a pty: AT#CONNECTIONSTART over GPRS and
// GSM with its progress lines and the attributed address, its failures from the scenario and
// from radio events, REDIALCOUNT redials, AT#CONNECTIONSTOP, and AT#ACCEPT of an injected call.

#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>

#include "action_printing.hpp"
#include "module_error_of.hpp"
#include "module_rig.hpp"

namespace atsharp::test {
namespace {

using catalogue::Result;

const std::string kNumber = "0860000000";

// AT+CGATT=1 done at power-on (appendix A.4), so that a GPRS activation may start at once.
RigOptions attached(reference::Scenario scenario = {}) {
  scenario.gprs.attached = true;
  RigOptions options;
  options.scenario = std::move(scenario);
  return options;
}

RigOptions withScenario(reference::Scenario scenario) {
  RigOptions options;
  options.scenario = std::move(scenario);
  return options;
}

void useGsm(Module& module) {
  module.command("AT#GPRSMODE=0");
  module.command("AT#DIALN1=\"" + kNumber + "\"");
}

std::vector<std::string> state(Module& module) { return module.command("AT#VSTATE").lines; }

const std::vector<std::string> kConnected{"#STATE: \"CONNECTED\""};
const std::vector<std::string> kIdle{"#STATE: \"IDLE\""};

// One GSM attempt's first progress lines (2.2.3.2).
std::vector<ProgressLine> dialing() {
  return {{Progress::Dialing, "DIALING"}, {Progress::DialedNumber, kNumber}};
}

std::vector<ProgressLine> joined(std::vector<ProgressLine> first,
                                 const std::vector<ProgressLine>& then) {
  first.insert(first.end(), then.begin(), then.end());
  return first;
}

// Polls until @p expected is among @p urcs (RING repeats every ring interval).
void waitForUrc(Module& module, const std::vector<Urc>& urcs, const Urc& expected) {
  const Deadline deadline = after(Milliseconds{10000});
  while (std::find(urcs.begin(), urcs.end(), expected) == urcs.end()) {
    REQUIRE_MESSAGE(Clock::now() < deadline, "no ", describe(expected), " came");
    module.poll(Milliseconds{50});
  }
}

}  // namespace

TEST_CASE("connectionStart over GPRS: the address line then Ok_Info_GprsActivation") {
  ModuleRig rig(attached());
  std::vector<ProgressLine> seen;
  const Connection connection =
      rig.module().connectionStart([&](const ProgressLine& line) { seen.push_back(line); });
  const std::vector<ProgressLine> expected{{Progress::IpAddress, "127.0.0.2"}};
  CHECK(seen == expected);
  CHECK(connection.progress == expected);
  CHECK(connection.address == "127.0.0.2");
  CHECK_FALSE(connection.speed);
  CHECK(connection.failedAttempts.empty());
  CHECK(state(rig.module()) == kConnected);
  rig.module().connectionStop();
  CHECK(state(rig.module()) == kIdle);
}

TEST_CASE("connectionStart over GSM: DIALING - the number - CONNECT 9600 - the address") {
  ModuleRig rig;
  useGsm(rig.module());
  std::vector<ProgressLine> seen;
  const Connection connection =
      rig.module().connectionStart([&](const ProgressLine& line) { seen.push_back(line); });
  const std::vector<ProgressLine> expected = joined(
      dialing(), {{Progress::Connect, "CONNECT 9600"}, {Progress::IpAddress, "127.0.0.3"}});
  CHECK(seen == expected);
  CHECK(connection.progress == expected);
  CHECK(connection.address == "127.0.0.3");
  CHECK(connection.speed == 9600);
  CHECK(rig.module().command("AT#DISPLAYIP").lines ==
        std::vector<std::string>{"MY IP: 127.0.0.3", "PEER IP: 127.0.0.1"});
  rig.module().connectionStop();
  CHECK(state(rig.module()) == kIdle);
}

TEST_CASE("connectionStop without a link answers OK and leaves the module IDLE") {
  ModuleRig rig;
  rig.module().connectionStop();
  CHECK(state(rig.module()) == kIdle);
}

TEST_CASE("GPRS not attached: ModuleError 35865 - the module usable after") {
  ModuleRig rig;
  const auto error = moduleErrorOf([&] { rig.module().connectionStart(); });
  REQUIRE(error);
  CHECK(error->code() == 35865);
  CHECK(error->command() == "AT#CONNECTIONSTART");
  CHECK(state(rig.module()) == kIdle);
}

TEST_CASE("GPRS attachment lost by a radio event: ModuleError 35865") {
  ModuleRig rig(attached());
  rig.emulator().inject(reference::GprsAttachment{false});
  const auto error = moduleErrorOf([&] { rig.module().connectionStart(); });
  REQUIRE(error);
  CHECK(error->code() == 35865);
}

TEST_CASE("GPRS activation refused 35866 - aborted 35868 - from the scenario") {
  struct Case {
    reference::ActivationOutcome outcome;
    int code;
  };
  for (const Case& c : {Case{reference::ActivationOutcome::Refused, 35866},
                        Case{reference::ActivationOutcome::Aborted, 35868}}) {
    CAPTURE(c.code);
    reference::Scenario scenario;
    scenario.gprs.activation = c.outcome;
    ModuleRig rig(attached(scenario));
    const auto error = moduleErrorOf([&] { rig.module().connectionStart(); });
    REQUIRE(error);
    CHECK(error->code() == c.code);
    CHECK_FALSE(error->result());
    CHECK(state(rig.module()) == kIdle);
  }
}

TEST_CASE("an APN the network does not know: 35868 - the right one connects") {
  reference::Scenario scenario;
  scenario.gprs.apn = "internet.test";
  ModuleRig rig(attached(scenario));
  rig.module().command("AT#APNSERV=\"wrong.test\"");
  const auto error = moduleErrorOf([&] { rig.module().connectionStart(); });
  REQUIRE(error);
  CHECK(error->code() == 35868);
  rig.module().command("AT#APNSERV=\"internet.test\"");
  CHECK(rig.module().connectionStart().address == "127.0.0.2");
}

TEST_CASE("GSM with REDIALCOUNT 0: BUSY and NO ANSWER from radio events are ModuleError results") {
  ModuleRig rig;
  useGsm(rig.module());
  rig.module().command("AT#REDIALCOUNT=0");
  for (const auto& [kind, result] :
       {std::pair{reference::CallOutcome::Kind::Busy, Result::Busy},
        std::pair{reference::CallOutcome::Kind::NoAnswer, Result::NoAnswer},
        std::pair{reference::CallOutcome::Kind::NoCarrier, Result::NoCarrier}}) {
    CAPTURE(result);
    rig.emulator().inject(reference::DialOutcome{kNumber, reference::CallOutcome{kind}});
    std::vector<ProgressLine> seen;
    const auto error = moduleErrorOf([&] {
      rig.module().connectionStart([&](const ProgressLine& line) { seen.push_back(line); });
    });
    REQUIRE(error);
    CHECK(error->result() == result);
    CHECK_FALSE(error->code());
    CHECK(seen == dialing());
    CHECK(state(rig.module()) == kIdle);
  }
}

TEST_CASE("REDIALCOUNT 2: three attempts REDIALDELAY apart - the third BUSY ends the command") {
  reference::Scenario scenario;
  scenario.gsm.numbers[kNumber] = reference::CallOutcome{reference::CallOutcome::Kind::Busy};
  ModuleRig rig(withScenario(scenario));
  useGsm(rig.module());
  rig.module().command("AT#REDIALCOUNT=2");
  rig.module().command("AT#REDIALDELAY=5");
  std::vector<ProgressLine> seen;
  const auto error = moduleErrorOf([&] {
    rig.module().connectionStart([&](const ProgressLine& line) { seen.push_back(line); });
  });
  REQUIRE(error);
  CHECK(error->result() == Result::Busy);
  CHECK(seen == joined(joined(dialing(), dialing()), dialing()));
  CHECK(state(rig.module()) == kIdle);
}

TEST_CASE("a redial that connects: the failed attempt noted - the Connection from the second") {
  reference::Scenario scenario;
  scenario.gsm.numbers[kNumber] = reference::CallOutcome{reference::CallOutcome::Kind::Busy};
  // A long dial (200 ms of real time) leaves time to change the outcome during the second one.
  scenario.gsm.dialDelay = reference::ModuleTime{20000};
  ModuleRig rig(withScenario(scenario));
  useGsm(rig.module());
  rig.module().command("AT#REDIALCOUNT=1");
  int dialings = 0;
  const Connection connection = rig.module().connectionStart([&](const ProgressLine& line) {
    if (line.kind == Progress::Dialing && ++dialings == 2) {
      rig.emulator().inject(reference::DialOutcome{kNumber, reference::CallOutcome{}});
    }
  });
  CHECK(connection.failedAttempts == std::vector<Result>{Result::Busy});
  CHECK(connection.progress ==
        joined(joined(dialing(), dialing()),
               {{Progress::Connect, "CONNECT 9600"}, {Progress::IpAddress, "127.0.0.3"}}));
  CHECK(connection.address == "127.0.0.3");
  CHECK(state(rig.module()) == kConnected);
}

TEST_CASE("PPP refused after CONNECT: ModuleError 37120 as a client") {
  reference::Scenario scenario;
  scenario.gsm.ppp = reference::PppOutcome::Failed;
  ModuleRig rig(withScenario(scenario));
  useGsm(rig.module());
  const auto error = moduleErrorOf([&] { rig.module().connectionStart(); });
  REQUIRE(error);
  CHECK(error->code() == 37120);
  CHECK(state(rig.module()) == kIdle);
}

TEST_CASE("a progress handler that throws: the link comes up - its exception after - usable") {
  ModuleRig rig;
  useGsm(rig.module());
  int calls = 0;
  CHECK_THROWS_WITH_AS(rig.module().connectionStart([&](const ProgressLine&) {
    ++calls;
    throw std::runtime_error("handler gave up");
  }),
                       "handler gave up", std::runtime_error);
  CHECK(calls == 1);  // not called again after it threw
  CHECK(state(rig.module()) == kConnected);
}

TEST_CASE("accept of an injected incoming call: CONNECT - the address - PPP OK") {
  ModuleRig rig;
  std::vector<Urc> urcs;
  rig.module().onUrc([&](const Urc& urc) { urcs.push_back(urc); });
  rig.module().command("AT#GPRSMODE=0");
  rig.module().command("AT#PPPMYIP=\"1.2.3.4\"");
  rig.module().command("AT#PPPPEERIP=\"1.0.3.5\"");
  rig.emulator().inject(reference::IncomingCall{"0612345678", reference::CallType::Data, 0});
  waitForUrc(rig.module(), urcs, RingUrc{});
  std::vector<ProgressLine> seen;
  const Connection connection =
      rig.module().accept([&](const ProgressLine& line) { seen.push_back(line); });
  const std::vector<ProgressLine> expected{{Progress::Connect, "CONNECT 9600"},
                                           {Progress::IpAddress, "1.2.3.4"},
                                           {Progress::PppOk, "PPP OK"}};
  CHECK(seen == expected);
  CHECK(connection.progress == expected);
  CHECK(connection.address == "1.2.3.4");
  CHECK(connection.speed == 9600);
  CHECK(state(rig.module()) == kConnected);
  // The caller hangs up: NO CARRIER, a URC since no command waits for it (the module wrote it
  // before the next command went out).
  rig.emulator().inject(reference::HangUp{});
  CHECK(state(rig.module()) == kIdle);
  CHECK(urcs.back() == Urc{CallEndedUrc{}});
}

TEST_CASE("accept without a call: ModuleError 35867 - a failed PPP: PPP ERROR") {
  reference::Scenario scenario;
  scenario.incoming.ppp = reference::PppOutcome::Failed;
  ModuleRig rig(withScenario(scenario));
  const auto noCall = moduleErrorOf([&] { rig.module().accept(); });
  REQUIRE(noCall);
  CHECK(noCall->code() == 35867);
  rig.emulator().inject(reference::IncomingCall{"0612345678", reference::CallType::Data, 0});
  const auto pppError = moduleErrorOf([&] { rig.module().accept(); });
  REQUIRE(pppError);
  CHECK(pppError->result() == Result::PppError);
  CHECK(state(rig.module()) == kIdle);
}

}  // namespace atsharp::test
