// The Module against a scripted module: answers, URCs in the middle of them, error answers,
// silence, a line that goes away, and garbage. Every byte is the test's choice.

#include <doctest/doctest.h>

#include <future>
#include <thread>

#include "atsharp/module/data_session.hpp"
#include "scripted_module.hpp"
#include "urc_string_maker.hpp"

namespace atsharp::test {
namespace {

using catalogue::Result;

// Runs @p call on a thread of its own while the test plays the module.
template <class Call>
auto inBackground(Call call) {
  return std::async(std::launch::async, std::move(call));
}

}  // namespace

TEST_CASE("an answer's information lines and its final result - the command goes out with CR") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto reply = inBackground([&] { return module.command("AT#VPING"); });
  CHECK(scripted.expectCommand() == "AT#VPING\r");
  scripted.answer("\r\n#PINGDELAY: 1\r\n#PINGNUM: 4\r\n#PINGREMOTE: \"\"\r\n\r\nOK\r\n");
  const Reply got = reply.get();
  CHECK(got.lines ==
        std::vector<std::string>{"#PINGDELAY: 1", "#PINGNUM: 4", "#PINGREMOTE: \"\""});
  CHECK(got.final == FinalResult{Result::Ok, std::nullopt});
}

TEST_CASE("URCs between a command and its answer reach the handlers and never the reply") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  std::vector<Urc> urcs;
  module.onUrc([&](const Urc& urc) { urcs.push_back(urc); });
  auto reply = inBackground([&] { return module.command("AT#VSTATE"); });
  CHECK(scripted.expectCommand() == "AT#VSTATE\r");
  scripted.answer("\r\nRING\r\n\r\n+CLIP: \"0612345678\",129\r\n\r\n+CREG: 5\r\n");
  scripted.answer("\r\n#STATE: \"IDLE\"\r\n\r\n+CGREG: 1\r\n");
  scripted.answer("\r\n#CME ERROR: 35841\r\n\r\nRING\r\n\r\nOK\r\n");
  const Reply got = reply.get();
  CHECK(got.lines == std::vector<std::string>{"#STATE: \"IDLE\""});
  CHECK(got.final.succeeded());
  CHECK(urcs == std::vector<Urc>{RingUrc{"0612345678"},
                                 RegistrationUrc{RegistrationUrc::Network::Gsm, 5},
                                 RegistrationUrc{RegistrationUrc::Network::Gprs, 1},
                                 GprsLostUrc{}, RingUrc{}});
}

TEST_CASE("the answer to AT+CREG query is the command's - not a URC") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  int urcs = 0;
  module.onUrc([&](const Urc&) { ++urcs; });
  auto reply = inBackground([&] { return module.command("AT+CREG?"); });
  CHECK(scripted.expectCommand() == "AT+CREG?\r");
  scripted.answer("\r\n+CREG: 1,1\r\n\r\nOK\r\n");
  CHECK(reply.get().lines == std::vector<std::string>{"+CREG: 1,1"});
  CHECK(urcs == 0);
}

TEST_CASE("a CME error throws ModuleError with its code and 9.2's text - raw returns it") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto failing = inBackground([&] { module.command("AT#OTCP=1"); });
  // The socket's DLEMODE decides how the answer's data mode is coded: read once, then known.
  CHECK(scripted.expectCommand() == "AT#DLEMODE=1\r");
  scripted.answer("\r\n#DLEMODE: 1,1\r\n\r\nOK\r\n");
  CHECK(scripted.expectCommand() == "AT#OTCP=1\r");
  scripted.answer("\r\n#CME ERROR: 38027\r\n");
  try {
    failing.get();
    FAIL("no ModuleError");
  } catch (const ModuleError& error) {
    CHECK(error.code() == 38027);
    CHECK(error.is(catalogue::CmeError::DnsResolutionFailed));
    CHECK_FALSE(error.result());
    CHECK(std::string(error.what()) == "AT#OTCP=1: #CME ERROR: 38027 (" + error.description() + ")");
    CHECK_FALSE(error.description().empty());
  }
  auto raw = inBackground([&] { return module.raw("AT#OTCP=1"); });
  CHECK(scripted.expectCommand() == "AT#OTCP=1\r");
  scripted.answer("\r\n#CME ERROR: 38027\r\n");
  CHECK(raw.get().final == FinalResult{std::nullopt, 38027});
}

TEST_CASE("ERROR and BUSY answers throw ModuleError with the result") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  for (const auto& [line, result] : {std::pair{"ERROR", Result::Error},
                                     std::pair{"BUSY", Result::Busy}}) {
    auto failing = inBackground([&] { module.command("ATX"); });
    scripted.expectCommand();
    scripted.answer("\r\n" + std::string(line) + "\r\n");
    try {
      failing.get();
      FAIL("no ModuleError");
    } catch (const ModuleError& error) {
      CHECK(error.result() == result);
      CHECK_FALSE(error.code());
    }
  }
}

TEST_CASE("a secret parameter's value never appears in an error") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto failing = inBackground([&] { module.command("AT#FTPPW=\"hunter2\""); });
  CHECK(scripted.expectCommand() == "AT#FTPPW=\"hunter2\"\r");  // the module gets it, of course
  scripted.answer("\r\n#CME ERROR: 34882\r\n");
  try {
    failing.get();
    FAIL("no ModuleError");
  } catch (const ModuleError& error) {
    CHECK(error.command() == "AT#FTPPW=****");
    CHECK(std::string(error.what()).find("hunter2") == std::string::npos);
  }
}

TEST_CASE("no answer: TimeoutError naming the command and the time waited") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  try {
    module.command("AT#VSTATE", Milliseconds{150});
    FAIL("no TimeoutError");
  } catch (const TimeoutError& error) {
    CHECK(error.command() == "AT#VSTATE");
    CHECK(error.waited() == Milliseconds{150});
    CHECK(std::string(error.what()) == "AT#VSTATE: no answer within 150 ms");
  }
  CHECK(scripted.expectCommand() == "AT#VSTATE\r");
  // The late answer is dropped by the next command's wait, which gets its own.
  scripted.answer("\r\nOK\r\n");
  auto next = inBackground([&] { return module.command("AT#VSTATE"); });
  CHECK(scripted.expectCommand() == "AT#VSTATE\r");
  scripted.answer("\r\n#STATE: \"IDLE\"\r\n\r\nOK\r\n");
  CHECK(next.get().lines == std::vector<std::string>{"#STATE: \"IDLE\""});
}

TEST_CASE("a session whose close the module never answers: TimeoutError - the next command in step") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions(Milliseconds{500}));
  auto opening = inBackground([&] { return module.openTcp(SocketId(1)); });
  CHECK(scripted.expectCommand() == "AT#DLEMODE=1\r");
  scripted.answer("\r\n#DLEMODE: 1,1\r\n\r\nOK\r\n");
  CHECK(scripted.expectCommand() == "AT#OTCP=1\r");
  scripted.answer("\r\nOk_Info_WaitingForData\r\n");
  std::unique_ptr<DataSession> session = opening.get();
  CHECK_THROWS_AS(session->close(), TimeoutError);  // the ETX goes out, nothing comes back
  CHECK(session->state() == DataSession::State::Failed);
  session.reset();
  // Late, the module's end of data mode and its answer: dropped, not taken for the next one's.
  scripted.answer("\x03\r\nOK\r\n");
  auto reply = inBackground([&] { return module.command("AT#VSTATE"); });
  CHECK(scripted.expectCommand() == "\x03" "AT#VSTATE\r");
  scripted.answer("\r\n#STATE: \"CONNECTED\"\r\n\r\nOK\r\n");
  const Reply got = reply.get();
  CHECK(got.lines == std::vector<std::string>{"#STATE: \"CONNECTED\""});
  CHECK(got.final.succeeded());
}

TEST_CASE("opening a module that never answers: TimeoutError after the open timeout") {
  ScriptedModule scripted;
  Module::Options options;
  options.openTimeout = Milliseconds{600};
  CHECK_THROWS_AS(Module(scripted.takeHostEnd(), options), TimeoutError);
}

TEST_CASE("opening: AT until OK through stray bytes - echo off - verbose - the version read") {
  ScriptedModule scripted;
  auto opening = inBackground([&] { return std::make_unique<Module>(scripted.takeHostEnd()); });
  CHECK(scripted.expectCommand() == "AT\r");
  scripted.answer("garbage \x10\x03\r\n");  // a previous program's leftovers: no answer
  CHECK(scripted.expectCommand() == "AT\r");
  scripted.answer("AT\r\r\nOK\r\n");  // echo still on
  CHECK(scripted.expectCommand() == "ATE0\r");
  scripted.answer("ATE0\r\r\nOK\r\n");
  CHECK(scripted.expectCommand() == "ATV1\r");
  scripted.answer("\r\nOK\r\n");
  CHECK(scripted.expectCommand() == "AT#VVERSION\r");
  scripted.answer("\r\n#VERSION: \"eDsoft V3.00\"\r\n\r\nOK\r\n");
  CHECK(opening.get()->version() == "#VERSION: \"eDsoft V3.00\"");
}

TEST_CASE("the line going away: TransportClosedError") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto waiting = inBackground([&] { module.command("AT"); });
  scripted.expectCommand();
  scripted.hangUp();
  CHECK_THROWS_AS(waiting.get(), TransportClosedError);
  CHECK_THROWS_AS(module.command("AT"), TransportClosedError);
}

TEST_CASE("garbage: a line over the parser's bound is a ProtocolError with its first bytes") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto waiting = inBackground([&] { module.command("AT"); });
  scripted.expectCommand();
  scripted.answer(std::string(5000, 'x') + "\r\n");
  try {
    waiting.get();
    FAIL("no ProtocolError");
  } catch (const ProtocolError& error) {
    CHECK(error.bytes() == Bytes(4096, 'x'));
  }
}

TEST_CASE("a URC handler that calls the Module gets UsageError - no deadlock") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  bool refused = false;
  module.onUrc([&](const Urc&) {
    try {
      module.command("AT");
    } catch (const UsageError&) {
      refused = true;
    }
  });
  scripted.answer("\r\n+CREG: 1\r\n");
  module.poll(Milliseconds{300});
  CHECK(refused);
}

TEST_CASE("a removed handler gets nothing more") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  int calls = 0;
  const int id = module.onUrc([&](const Urc&) { ++calls; });
  scripted.answer("\r\n+CREG: 1\r\n");
  module.poll(Milliseconds{200});
  module.removeUrcHandler(id);
  scripted.answer("\r\n+CREG: 2\r\n");
  module.poll(Milliseconds{200});
  CHECK(calls == 1);
}

TEST_CASE("NO CARRIER while no command runs: a CallEndedUrc read by poll") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  std::vector<Urc> urcs;
  module.onUrc([&](const Urc& urc) { urcs.push_back(urc); });
  scripted.answer("\r\nNO CARRIER\r\n");
  module.poll(Milliseconds{200});
  CHECK(urcs == std::vector<Urc>{CallEndedUrc{}});
}

}  // namespace atsharp::test
