// The actions against a module played by the test, for answers the reference module does not
// give: the exact command lines an action sends, an answer with no address line, the spec's
// other spellings (7.2.2's spaced ping lines, 3.2.2's GETMAIL without OK), and callbacks that
// throw while the answer keeps coming.

#include <doctest/doctest.h>

#include <future>
#include <stdexcept>

#include "action_printing.hpp"
#include "module_error_of.hpp"
#include "scripted_module.hpp"

namespace atsharp::test {
namespace {

using catalogue::Result;

template <class Call>
auto inBackground(Call call) {
  return std::async(std::launch::async, std::move(call));
}

// Expects `AT#NAME?` and answers `#NAME: value`.
void answerSetting(ScriptedModule& scripted, const std::string& name, int value) {
  REQUIRE(scripted.expectCommand() == "AT#" + name + "?\r");
  scripted.answer("\r\n#" + name + ": " + std::to_string(value) + "\r\n\r\nOK\r\n");
}

}  // namespace

TEST_CASE("GPRS without an address line: the address from AT#DISPLAYIP") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto connecting = inBackground([&] { return module.connectionStart(); });
  answerSetting(scripted, "GPRSMODE", 1);
  CHECK(scripted.expectCommand() == "AT#CONNECTIONSTART\r");
  scripted.answer("\r\nOk_Info_GprsActivation\r\n");
  CHECK(scripted.expectCommand() == "AT#DISPLAYIP\r");
  scripted.answer("\r\nMY IP: 10.1.2.3\r\nGateway IP: 10.1.2.1\r\n\r\nOK\r\n");
  const Connection connection = connecting.get();
  CHECK(connection.address == "10.1.2.3");
  CHECK(connection.progress.empty());
}

TEST_CASE("GSM: REDIALCOUNT and REDIALDELAY read - a NO CARRIER then a second attempt connects") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto connecting = inBackground([&] { return module.connectionStart(); });
  answerSetting(scripted, "GPRSMODE", 0);
  answerSetting(scripted, "REDIALCOUNT", 1);
  answerSetting(scripted, "REDIALDELAY", 5);
  CHECK(scripted.expectCommand() == "AT#CONNECTIONSTART\r");
  scripted.answer("\r\nDIALING\r\n\r\n0860000000\r\n\r\nNO CARRIER\r\n");
  scripted.answer("\r\nDIALING\r\n\r\n0860000000\r\n\r\nCONNECT 14400\r\n");
  scripted.answer("\r\n10.0.0.9\r\n\r\nOk_Info_Ppp\r\n");
  const Connection connection = connecting.get();
  CHECK(connection.failedAttempts == std::vector<Result>{Result::NoCarrier});
  CHECK(connection.speed == 14400);
  CHECK(connection.address == "10.0.0.9");
  CHECK(connection.progress.size() == 6);
}

TEST_CASE("accept: OK then NO CARRIER - the caller hung up - ModuleError NO CARRIER") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  int ended = 0;
  module.onUrc([&](const Urc& urc) { ended += std::holds_alternative<CallEndedUrc>(urc); });
  auto accepting = inBackground([&] { return moduleErrorOf([&] { module.accept(); }); });
  CHECK(scripted.expectCommand() == "AT#ACCEPT\r");
  scripted.answer("\r\nOK\r\n\r\nNO CARRIER\r\n");
  const std::optional<ModuleError> error = accepting.get();
  REQUIRE(error);
  CHECK(error->result() == Result::NoCarrier);
  CHECK(ended == 0);  // the command's answer, not a URC
}

TEST_CASE("ping lines spaced as 7.2.2 shows them - a no-answer line - OK") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto pinging = inBackground([&] { return module.ping(); });
  answerSetting(scripted, "PINGNUM", 2);
  answerSetting(scripted, "PINGDELAY", 1);
  CHECK(scripted.expectCommand() == "AT#PING\r");
  scripted.answer("\r\n\" wavecom.com \" is alive : time =  900 ms\r\n");
  scripted.answer("\r\nNo answer from \" wavecom.com \"\r\n\r\nOK\r\n");
  CHECK(pinging.get() == std::vector<PingReport>{{"wavecom.com", 900}, {"wavecom.com", {}}});
}

TEST_CASE("a ping handler that throws: the answer read to its OK - the exception after - in step") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  int calls = 0;
  auto pinging = inBackground([&] {
    module.ping([&](const PingReport&) {
      ++calls;
      throw std::runtime_error("enough");
    });
  });
  answerSetting(scripted, "PINGNUM", 2);
  answerSetting(scripted, "PINGDELAY", 1);
  CHECK(scripted.expectCommand() == "AT#PING\r");
  scripted.answer("\r\n\"h\" is alive : time =  1 ms\r\n\r\n\"h\" is alive : time =  2 ms\r\n");
  scripted.answer("\r\nOK\r\n");
  CHECK_THROWS_WITH_AS(pinging.get(), "enough", std::runtime_error);
  CHECK(calls == 1);
  auto next = inBackground([&] { return module.command("AT#VSTATE"); });
  CHECK(scripted.expectCommand() == "AT#VSTATE\r");
  scripted.answer("\r\n#STATE: \"CONNECTED\"\r\n\r\nOK\r\n");
  CHECK(next.get().lines == std::vector<std::string>{"#STATE: \"CONNECTED\""});
}

TEST_CASE("GETMAIL without OK after the mail (3.2.2's row): the mail - a late OK dropped") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions(Milliseconds{300}));
  auto getting = inBackground([&] { return module.getMail(); });
  answerSetting(scripted, "POP3HEADERMODE", 1);
  CHECK(scripted.expectCommand() == "AT#GETMAIL\r");
  scripted.answer("\r\nOk_Info_Mail\r\nFrom: a@b.c\r\n\r\n..dot\r\nend\r\n.\r\n");
  const std::optional<RetrievedMail> mail = getting.get();
  REQUIRE(mail);
  CHECK(*mail == RetrievedMail{{"From: a@b.c"}, ".dot\r\nend\r\n"});
  scripted.answer("\r\nOK\r\n");  // too late: it answers nothing any more
  auto next = inBackground([&] { return module.command("AT#VSTATE"); });
  CHECK(scripted.expectCommand() == "AT#VSTATE\r");
  scripted.answer("\r\n#STATE: \"CONNECTED\"\r\n\r\nOK\r\n");
  CHECK(next.get().lines == std::vector<std::string>{"#STATE: \"CONNECTED\""});
}

TEST_CASE("GETMAIL: Ok_Info_NoMail is no mail - a CME error a ModuleError") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto empty = inBackground([&] { return module.getMail(); });
  answerSetting(scripted, "POP3HEADERMODE", 0);
  CHECK(scripted.expectCommand() == "AT#GETMAIL\r");
  scripted.answer("\r\nOk_Info_NoMail\r\n");
  CHECK_FALSE(empty.get());
  auto failing = inBackground([&] { return moduleErrorOf([&] { module.getMail(); }); });
  answerSetting(scripted, "POP3HEADERMODE", 0);
  CHECK(scripted.expectCommand() == "AT#GETMAIL\r");
  scripted.answer("\r\n#CME ERROR: 38016\r\n");
  const std::optional<ModuleError> error = failing.get();
  REQUIRE(error);
  CHECK(error->code() == 38016);
}

TEST_CASE("PUTMAIL refused before the body: ModuleError - nothing of the body sent") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  bool read = false;
  auto putting = inBackground([&] {
    return moduleErrorOf([&] {
      module.putMail([&](std::span<Byte>) -> std::size_t {
        read = true;
        return 0;
      });
    });
  });
  CHECK(scripted.expectCommand() == "AT#PUTMAIL\r");
  scripted.answer("\r\n#CME ERROR: 36929\r\n");
  const std::optional<ModuleError> error = putting.get();
  REQUIRE(error);
  CHECK(error->code() == 36929);
  CHECK_FALSE(read);
}

TEST_CASE("PUTMAIL with a source that throws: no end of body sent - back in step after 35862") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  int calls = 0;
  auto putting = inBackground([&] {
    module.putMail([&](std::span<Byte> buffer) -> std::size_t {
      if (++calls > 1) throw std::runtime_error("the source broke");
      const std::string_view text = "half a body\r\n";
      std::copy(text.begin(), text.end(), buffer.begin());
      return text.size();
    });
  });
  CHECK(scripted.expectCommand() == "AT#PUTMAIL\r");
  scripted.answer("\r\nOk_Info_WaitingForData\r\n");
  CHECK(scripted.expectCommand() == "half a body\r");
  // Nothing more comes (no `.` line): the module's 50 s of inactivity end the body.
  CHECK(scripted.expectCommand() == "\n");
  scripted.answer("\r\n#CME ERROR: 35862\r\n");
  // The SDK gets back in step: a CR that ends any partial line, then AT#VVERSION.
  CHECK(scripted.expectCommand() == "\r");
  CHECK(scripted.expectCommand() == "AT#VVERSION\r");
  scripted.answer("\r\n#VERSION: \"x\"\r\n\r\nOK\r\n");
  CHECK_THROWS_WITH_AS(putting.get(), "the source broke", std::runtime_error);
  CHECK(calls == 2);
}

}  // namespace atsharp::test
