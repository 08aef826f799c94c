// The control channel's translation, as data: every request the protocol has, the defaults of
// optional fields, and malformed requests, each with the exact error text it gets.

#include "runtime/control_protocol.hpp"

#include <doctest/doctest.h>

#include <string>
#include <variant>
#include <vector>

namespace atsharp::reference {
namespace {

// The request as the canonical JSON of formatRadioEvent, or "state" / "parameters", or the
// error's text prefixed with "error: ": one string a table row can hold.
std::string summary(std::string_view line) {
  const auto parsed = parseControlRequest(line);
  if (const auto* error = std::get_if<ControlError>(&parsed)) return "error: " + error->message;
  const auto& request = std::get<ControlRequest>(parsed);
  if (std::holds_alternative<StateQuery>(request)) return "state";
  if (std::holds_alternative<ParametersQuery>(request)) return "parameters";
  return formatRadioEvent(std::get<RadioEvent>(request));
}

struct Row {
  std::string request;
  std::string expected;
};

void checkTable(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    CAPTURE(row.request);
    CHECK(summary(row.request) == row.expected);
  }
}

}  // namespace

TEST_CASE("control requests become radio events - with their defaults") {
  checkTable({
      {R"({"event":"ring","caller":"0612345678","type":"data","rings":0})",
       R"({"caller":"0612345678","event":"ring","rings":0,"type":"data"})"},
      {R"({"event":"ring"})", R"({"caller":null,"event":"ring","rings":0,"type":"data"})"},
      {R"({"event":"ring","caller":null,"type":"voice","rings":3})",
       R"({"caller":null,"event":"ring","rings":3,"type":"voice"})"},
      {R"({"event":"ring","caller":"+33612345678","type":"fax"})",
       R"({"caller":"+33612345678","event":"ring","rings":0,"type":"fax"})"},
      {R"({"event":"hangup"})", R"({"event":"hangup"})"},
      {R"({"event":"gprs-lost"})", R"({"event":"gprs-lost"})"},
      {R"({"event":"sim","present":false})", R"({"event":"sim","present":false})"},
      {R"({"event":"registration","status":0})", R"({"event":"registration","status":0})"},
      {R"({"event":"registration","status":5})", R"({"event":"registration","status":5})"},
      {R"({"event":"gprs-attachment","attached":false})",
       R"({"attached":false,"event":"gprs-attachment"})"},
      {R"({"event":"dial-outcome","number":"0111","outcome":"connect","speed":14400})",
       R"({"event":"dial-outcome","number":"0111","outcome":"connect","speed":14400})"},
      {R"({"event":"dial-outcome","number":"0111","outcome":"busy"})",
       R"({"event":"dial-outcome","number":"0111","outcome":"busy","speed":9600})"},
      {R"({"event":"dial-outcome","outcome":"no-answer"})",
       R"({"event":"dial-outcome","number":"","outcome":"no-answer","speed":9600})"},
      {R"({"event":"dial-outcome","number":"","outcome":"no-carrier"})",
       R"({"event":"dial-outcome","number":"","outcome":"no-carrier","speed":9600})"},
      {R"(  {"query" : "state"}  )", "state"},
      {R"({"query":"parameters"})", "parameters"},
  });
}

TEST_CASE("malformed control requests are answered with what is wrong") {
  checkTable({
      {"", "error: not valid JSON"},
      {"ring", "error: not valid JSON"},
      {R"({"event":"ring")", "error: not valid JSON"},
      {"[1,2]", "error: a request must be a JSON object"},
      {"\"ring\"", "error: a request must be a JSON object"},
      {"{}", R"(error: a request needs either an "event" or a "query" field)"},
      {R"({"event":"hangup","query":"state"})",
       R"(error: a request needs either an "event" or a "query" field)"},
      {R"({"event":7})", R"(error: "event" must be text)"},
      {R"({"query":null})", R"(error: "query" must be text)"},
      {R"({"event":"explode"})",
       R"(error: unknown event "explode" (expected one of ring, hangup, gprs-lost, sim, )"
       R"(registration, gprs-attachment, dial-outcome))"},
      {R"({"query":"mood"})", R"(error: unknown query "mood" (expected state or parameters))"},
      {R"({"query":"state","verbose":true})", R"(error: query "state" takes no other field)"},
      {R"({"event":"ring","rigns":2})", R"(error: event "ring" has no field "rigns")"},
      {R"({"event":"hangup","now":true})", R"(error: event "hangup" has no field "now")"},
      {R"({"event":"ring","type":"video"})",
       R"(error: event "ring" field "type" must be one of data, voice, fax)"},
      {R"({"event":"ring","rings":-1})",
       R"(error: event "ring" field "rings" must be a whole number from 0 to 2147483647)"},
      {R"({"event":"ring","rings":1.5})",
       R"(error: event "ring" field "rings" must be a whole number from 0 to 2147483647)"},
      {R"({"event":"ring","rings":99999999999999999999})",
       R"(error: event "ring" field "rings" must be a whole number from 0 to 2147483647)"},
      {R"({"event":"ring","rings":"2"})",
       R"(error: event "ring" field "rings" must be a whole number from 0 to 2147483647)"},
      {R"({"event":"sim"})", R"(error: event "sim" needs the field "present")"},
      {R"({"event":"sim","present":"no"})",
       R"(error: event "sim" field "present" must be true or false)"},
      {R"({"event":"registration","status":6})",
       R"(error: event "registration" field "status" must be a whole number from 0 to 5)"},
      {R"({"event":"gprs-attachment","attached":0})",
       R"(error: event "gprs-attachment" field "attached" must be true or false)"},
      {R"({"event":"dial-outcome","number":"0111"})",
       R"(error: event "dial-outcome" needs the field "outcome")"},
      {R"({"event":"dial-outcome","number":"0111","outcome":"engaged"})",
       R"(error: event "dial-outcome" field "outcome" must be one of connect, busy, )"
       R"(no-answer, no-carrier)"},
      {R"({"event":"dial-outcome","number":"0111","outcome":"connect","speed":0})",
       R"(error: event "dial-outcome" field "speed" must be a whole number from 1 to 10000000)"},
  });
}

TEST_CASE("phone numbers in control requests follow the rule of DIALN1") {
  const std::string rule =
      "a phone number (digits, an optional leading +) of at most 64 characters";
  checkTable({
      {R"({"event":"ring","caller":"06\"12"})",
       "error: event \"ring\" field \"caller\" must be " + rule + ", not empty"},
      {R"({"event":"ring","caller":""})",
       "error: event \"ring\" field \"caller\" must be " + rule + ", not empty"},
      {R"({"event":"ring","caller":612})",
       "error: event \"ring\" field \"caller\" must be " + rule + ", not empty"},
      {R"({"event":"dial-outcome","number":"01 11","outcome":"busy"})",
       "error: event \"dial-outcome\" field \"number\" must be " + rule},
      {R"({"event":"dial-outcome","number":")" + std::string(65, '1') + R"(","outcome":"busy"})",
       "error: event \"dial-outcome\" field \"number\" must be " + rule},
  });
}

TEST_CASE("formatRadioEvent is read back to the same event") {
  const std::vector<RadioEvent> events{
      IncomingCall{"0612345678", CallType::Voice, 2},
      IncomingCall{std::nullopt, CallType::Fax, 0},
      HangUp{},
      GprsSessionLost{},
      SimPresence{true},
      Registration{3},
      GprsAttachment{true},
      DialOutcome{"0111", CallOutcome{CallOutcome::Kind::Connect, 2400}},
      DialOutcome{"", CallOutcome{CallOutcome::Kind::NoCarrier, 9600}},
  };
  for (const RadioEvent& event : events) {
    const std::string line = formatRadioEvent(event);
    CAPTURE(line);
    CHECK(summary(line) == line);
  }
}

TEST_CASE("control replies put ok first") {
  CHECK(okReply() == R"({"ok":true})");
  CHECK(errorReply("not valid JSON") == R"({"ok":false,"error":"not valid JSON"})");
  CHECK(errorReply("bad \xff byte") == "{\"ok\":false,\"error\":\"bad \xef\xbf\xbd byte\"}");
  CHECK(stateReply(LinkState::Idle) == R"({"ok":true,"state":"IDLE"})");
  CHECK(stateReply(LinkState::NoService) == R"({"ok":true,"state":"NO SERVICE"})");
  CHECK(parametersReply({{"PPPMODE", "2"}, {"TCPPORT/2", "80"}}) ==
        R"({"ok":true,"parameters":{"PPPMODE":"2","TCPPORT/2":"80"}})");
}

}  // namespace atsharp::reference
