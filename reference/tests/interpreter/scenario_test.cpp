// Scenario files: every key read, defaults kept for the keys left out, and clear errors.

#include "doctest_printing.hpp"

#include <doctest/doctest.h>

#include "atsharp/error.hpp"
#include "atsharp/reference/scenario.hpp"

namespace atsharp::reference {
namespace {

TEST_CASE("an empty scenario is the default healthy network") {
  const Scenario scenario = parseScenario("");
  CHECK(scenario.sim.present);
  CHECK_FALSE(scenario.sim.pin);
  CHECK(scenario.network.registration == 1);
  CHECK_FALSE(scenario.gprs.attached);
  CHECK(scenario.gprs.activation == ActivationOutcome::Success);
  CHECK(scenario.gprs.address == "127.0.0.2");
  CHECK(scenario.gsm.defaultOutcome.kind == CallOutcome::Kind::Connect);
  CHECK(scenario.gsm.defaultOutcome.speed == 9600);
}

TEST_CASE("every key is read") {
  const Scenario s = parseScenario(R"(
software: {name: eDsoft-W302_V03.01, size: "1", built: today}
sim: {present: true, pin: "1234"}
network: {registration: 5, registration_delay_ms: 10}
gprs: {attach_allowed: false, attached: true, attach_delay_ms: 11, activation: aborted,
       activation_delay_ms: 12, address: 127.0.0.9, gateway: 127.0.0.8, apn: internet.test}
gsm:
  numbers:
    "0111": {outcome: busy}
    "0222": {outcome: connect, speed: 14400}
  default: {outcome: no-answer}
  dial_delay_ms: 13
  ppp: timeout
  ppp_delay_ms: 14
  address: 127.0.0.7
  peer: 127.0.0.6
  isp_user: me
  isp_password: secret
incoming: {answer_delay_ms: 15, speed: 4800, ring_interval_ms: 16, ppp: failed}
disconnect_delay_ms: 17
)");
  CHECK(s.software.name == "eDsoft-W302_V03.01");
  CHECK(s.software.built == "today");
  CHECK(s.sim.pin == "1234");
  CHECK(s.network.registration == 5);
  CHECK(s.network.registrationDelay == ModuleTime{10});
  CHECK_FALSE(s.gprs.attachAllowed);
  CHECK(s.gprs.attached);
  CHECK(s.gprs.attachDelay == ModuleTime{11});
  CHECK(s.gprs.activation == ActivationOutcome::Aborted);
  CHECK(s.gprs.activationDelay == ModuleTime{12});
  CHECK(s.gprs.address == "127.0.0.9");
  CHECK(s.gprs.gateway == "127.0.0.8");
  CHECK(s.gprs.apn == "internet.test");
  CHECK(s.gsm.numbers.at("0111").kind == CallOutcome::Kind::Busy);
  CHECK(s.gsm.numbers.at("0222").speed == 14400);
  CHECK(s.gsm.defaultOutcome.kind == CallOutcome::Kind::NoAnswer);
  CHECK(s.gsm.dialDelay == ModuleTime{13});
  CHECK(s.gsm.ppp == PppOutcome::Timeout);
  CHECK(s.gsm.pppDelay == ModuleTime{14});
  CHECK(s.gsm.address == "127.0.0.7");
  CHECK(s.gsm.peer == "127.0.0.6");
  CHECK(s.gsm.ispUser == "me");
  CHECK(s.gsm.ispPassword == "secret");
  CHECK(s.incoming.answerDelay == ModuleTime{15});
  CHECK(s.incoming.speed == 4800);
  CHECK(s.incoming.ringInterval == ModuleTime{16});
  CHECK(s.incoming.ppp == PppOutcome::Failed);
  CHECK(s.disconnectDelay == ModuleTime{17});
}

TEST_CASE("mistakes are refused with the key and the reason") {
  CHECK_THROWS_WITH_AS(parseScenario("gprs: {activaton: refused}"),
                       "scenario: gprs.activaton: unknown key", UsageError);
  CHECK_THROWS_WITH_AS(parseScenario("gprs: {activation: maybe}"),
                       "scenario: gprs.activation: \"maybe\" is not one of success, refused, aborted",
                       UsageError);
  CHECK_THROWS_WITH_AS(parseScenario("network: {registration_delay_ms: -1}"),
                       "scenario: network.registration_delay_ms: a delay cannot be negative",
                       UsageError);
  CHECK_THROWS_WITH_AS(parseScenario("network: {registration: lots}"),
                       "scenario: network.registration: not a valid value", UsageError);
  CHECK_THROWS_WITH_AS(parseScenario("sim: [1, 2]"), "scenario: sim: expected a mapping",
                       UsageError);
  CHECK_THROWS_AS(parseScenario("gsm: {numbers: {\"0111\": {outcome: busy}"), UsageError);
  CHECK_THROWS_WITH_AS(loadScenario("no/such/scenario.yaml"),
                       "scenario: cannot read no/such/scenario.yaml", UsageError);
}

}  // namespace
}  // namespace atsharp::reference
