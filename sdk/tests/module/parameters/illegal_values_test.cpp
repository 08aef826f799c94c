// Illegal values are refused before anything reaches the line, with a message that names the
// parameter, the value and the legal values, and masks credentials. A module played by the test
// shows that nothing was sent: the first thing it receives afterwards is the next command.

#include <doctest/doctest.h>

#include <chrono>
#include <future>
#include <string>

#include "atsharp/catalogue/value_rules.hpp"
#include "sample_values.hpp"
#include "scripted_module.hpp"

namespace atsharp::test {
namespace {

using catalogue::Param;
using namespace std::chrono_literals;

// Passes when nothing reached the scripted module before this call: the next command it
// receives is a plain AT.
void checkNothingWasSent(Module& module, ScriptedModule& scripted) {
  auto reply = std::async(std::launch::async, [&] { return module.raw("AT"); });
  CHECK(scripted.expectCommand() == "AT\r");
  scripted.answer("\r\nOK\r\n");
  CHECK(reply.get().final.succeeded());
}

template <class Call>
IllegalValueError refusalOf(Call call) {
  try {
    call();
  } catch (const IllegalValueError& error) {
    return error;
  }
  FAIL("no IllegalValueError");
  return IllegalValueError("", "", "");
}

}  // namespace

TEST_CASE("setText refuses an illegal value of every parameter before sending anything") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  for (const auto& [parameter, id] : everyValue()) {
    const catalogue::ParameterSpec& spec = catalogue::spec(parameter);
    const std::string illegal = illegalSample(spec);
    CAPTURE(spec.name);
    CAPTURE(illegal);
    const IllegalValueError error = refusalOf([&] { module.setText(parameter, illegal, id); });
    // An address list is refused for the one address that is not legal.
    const std::string value = spec.kind == catalogue::ValueKind::AddressList
                                  ? "quo\"te@example.com"
                                  : illegal;
    const std::string shown = spec.secret ? "****" : value;
    CHECK(error.parameter() == spec.name);
    CHECK(error.value() == shown);
    const std::string message = error.what();
    CHECK(message.starts_with(std::string(spec.name) + " \"" + shown + "\": "));
    CHECK(message.find(catalogue::describeLegalValues(spec)) != std::string::npos);
    if (spec.secret) CHECK(message.find(value) == std::string::npos);
  }
  checkNothingWasSent(module, scripted);
}

TEST_CASE("typed values are refused when they are made - before set could send them") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  CHECK_THROWS_WITH_AS(module.set(param::Pingnum, 300),
                       "PINGNUM \"300\": must be an integer from 1 to 255", IllegalValueError);
  CHECK_THROWS_WITH_AS(module.set(param::Tcptxdelay, SocketId(1), 30ms),
                       "TCPTXDELAY \"30\": must be a multiple of 20 from 0 to 32760",
                       IllegalValueError);
  CHECK_THROWS_WITH_AS(module.set(param::Isppw, "pass\"word"),
                       "ISPPW \"****\": ASCII text of at most 64 characters, without '\"'",
                       IllegalValueError);
  CHECK_THROWS_AS(module.set(param::Rec2, {"1@x", "2@x", "3@x", "4@x", "5@x", "6@x", "7@x", "8@x",
                                           "9@x", "10@x", "11@x"}),
                  IllegalValueError);
  // TCPPORT's default, "not set", is a value that can be read but not sent
  // (docs/spec-decisions.md #21): set() refuses it, naming the parameter.
  CHECK_THROWS_WITH_AS(module.set(param::Tcpport, SocketId(2), Port<Param::Tcpport>::notSet()),
                       "TCPPORT \"0\": must be a port number from 1 to 65535", IllegalValueError);
  CHECK_THROWS_WITH_AS(module.set(param::Udpport, ValueOf<Param::Udpport>{}),
                       "UDPPORT \"0\": must be a port number from 1 to 65535", IllegalValueError);
  checkNothingWasSent(module, scripted);
}

TEST_CASE("setText names the one parameter of a mail combination") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  std::string eleven;
  for (int i = 1; i <= 11; ++i) eleven += (i == 1 ? "" : ",") + std::to_string(i) + "@x";
  CHECK_THROWS_WITH_AS(module.setText(Param::Ccrec3, eleven),
                       ("CCREC3 \"" + eleven + "\": holds at most 10 addresses (this list has 11)")
                           .c_str(),
                       IllegalValueError);
  CHECK_THROWS_WITH_AS(module.setText(Param::Body2, std::string(121, 'b')),
                       ("BODY2 \"" + std::string(121, 'b') +
                        "\": text of at most 120 characters, without '\"' (this one has 121 "
                        "characters)")
                           .c_str(),
                       IllegalValueError);
  checkNothingWasSent(module, scripted);
}

TEST_CASE("a socket id is given for the TCP parameters and for them only") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  CHECK_THROWS_WITH_AS(module.setText(Param::Tcpport, "23"),
                       "TCPPORT holds one value per socket: give the socket id", UsageError);
  CHECK_THROWS_WITH_AS(module.getText(Param::Dlemode),
                       "DLEMODE holds one value per socket: give the socket id", UsageError);
  CHECK_THROWS_WITH_AS(module.setText(Param::Udpport, "23", SocketId(1)),
                       "UDPPORT takes no socket id", UsageError);
  CHECK_THROWS_WITH_AS(module.getText(Param::Pingnum, SocketId(2)), "PINGNUM takes no socket id",
                       UsageError);
  checkNothingWasSent(module, scripted);
}

TEST_CASE("a credential the module shows in a form it cannot hold stays masked") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  const std::string secret(65, 'S');  // one more than ISPPW holds
  auto tooLong = std::async(std::launch::async, [&] { return module.get(param::Isppw); });
  CHECK(scripted.expectCommand() == "AT#ISPPW?\r");
  scripted.answer("\r\n#ISPPW: \"" + secret + "\"\r\n\r\nOK\r\n");
  try {
    tooLong.get();
    FAIL("no ProtocolError");
  } catch (const ProtocolError& error) {
    CHECK(std::string(error.what()).starts_with("the module shows ISPPW as \"****\""));
    CHECK(std::string(error.what()).find("SSS") == std::string::npos);
    CHECK(asString(error.bytes()) == "****");
  }
  auto unclosed = std::async(std::launch::async, [&] { return module.getText(Param::Ftppw); });
  CHECK(scripted.expectCommand() == "AT#FTPPW?\r");
  scripted.answer("\r\n#FTPPW: \"s3cret\r\n\r\nOK\r\n");
  try {
    unclosed.get();
    FAIL("no ProtocolError");
  } catch (const ProtocolError& error) {
    CHECK(std::string(error.what()) == "AT#FTPPW?: the answer shows no value of FTPPW");
    CHECK(asString(error.bytes()) == "#FTPPW: ****\r\n");
  }
}

TEST_CASE("a value the module refuses throws its ModuleError - a read without the value ProtocolError") {
  ScriptedModule scripted;
  Module module(scripted.takeHostEnd(), quietOptions());
  auto refused = std::async(std::launch::async, [&] { module.set(param::Apnserv, "apn"); });
  CHECK(scripted.expectCommand() == "AT#APNSERV=\"apn\"\r");
  scripted.answer("\r\n#CME ERROR: 37123\r\n");  // a connection uses it (2.2.3)
  try {
    refused.get();
    FAIL("no ModuleError");
  } catch (const ModuleError& error) {
    CHECK(error.code() == 37123);
  }
  auto wrongLine = std::async(std::launch::async, [&] { return module.get(param::Pingnum); });
  CHECK(scripted.expectCommand() == "AT#PINGNUM?\r");
  scripted.answer("\r\n#PINGDELAY: 4\r\n\r\nOK\r\n");
  CHECK_THROWS_WITH_AS(wrongLine.get(), "AT#PINGNUM?: the answer shows no value of PINGNUM",
                       ProtocolError);
  auto wrongSocket = std::async(std::launch::async,
                                [&] { return module.get(param::Tcpport, SocketId(1)); });
  CHECK(scripted.expectCommand() == "AT#TCPPORT=1\r");
  scripted.answer("\r\n#TCPPORT: 2,23\r\n\r\nOK\r\n");
  CHECK_THROWS_AS(wrongSocket.get(), ProtocolError);
  auto outOfRange = std::async(std::launch::async, [&] { return module.get(param::Pingnum); });
  CHECK(scripted.expectCommand() == "AT#PINGNUM?\r");
  scripted.answer("\r\n#PINGNUM: 256\r\n\r\nOK\r\n");
  CHECK_THROWS_WITH_AS(outOfRange.get(),
                       "the module shows PINGNUM as \"256\", which it cannot hold: must be an "
                       "integer from 1 to 255",
                       ProtocolError);
  // The line is still usable.
  checkNothingWasSent(module, scripted);
}

}  // namespace atsharp::test
