// The engine against a scripted module: exact framing, failures at once, timeouts never a pass,
// unsolicited lines, echo, fail_on, expect_all, forbid, capture, xfail, phases.

#include <doctest/doctest.h>

#include "atsharp/transport/memory_transport.hpp"
#include "support/scripted_target.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

const char* kOkCase = R"(
spec: "9.1"
cases:
  - id: at
    steps:
      - send: AT
      - expect_final: OK
)";

double seconds(const CaseResult& result) {
  return std::chrono::duration<double>(result.ended - result.started).count();
}

RunResult runWith(const std::string& yaml, Responder responder, ScriptOptions options = {}) {
  TempFolder folder;
  ScriptedTarget target(std::move(responder), options);
  RunOptions run;
  run.probeIdentity = false;
  return runSuiteText(yaml, target, folder, run);
}

TEST_CASE("an exact answer passes when it comes in 3-byte pieces") {
  const RunResult result = runWith(kOkCase, [](const std::string& line) {
    return echoed(line) + response({"OK"});
  });
  CHECK(caseNamed(result, "at").status == CaseStatus::Passed);
  CHECK(result.exitCode() == 0);
}

TEST_CASE("OK ended by LF alone is a mismatch of its framing") {
  const RunResult result = runWith(kOkCase, [](const std::string& line) {
    return echoed(line) + "\r\nOK\n";
  });
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.status == CaseStatus::Failed);
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message == "\"OK\" came framed wrong: it ends with \"\\n\", not \"\\r\\n\"");
  CHECK(diffText(one) == "- \\r\\nOK\\r\\n\n+ \\r\\nOK\\n\n");
  CHECK(result.exitCode() == 1);
}

TEST_CASE("a response without its leading CR LF is a mismatch") {
  const RunResult result = runWith(kOkCase, [](const std::string& line) {
    return echoed(line) + "OK\r\n";
  });
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("no \"\\r\\n\" before it") != std::string::npos);
  CHECK(diffText(one) == "- \\r\\nOK\\r\\n\n+ OK\\r\\n\n");
}

TEST_CASE("a CR with no LF after it is a mismatch and not a timeout") {
  const RunResult result = runWith(kOkCase, [](const std::string& line) {
    return echoed(line) + "\r\nOK\r";
  });
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("it ends with \"\\r\"") != std::string::npos);
}

TEST_CASE("an unexpected line fails the step at once and not at its timeout") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: at
    steps:
      - send: AT
      - expect_final: OK
        timeout: 1000
)";
  const RunResult result = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"EXTRA", "OK"});
  });
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message == "unexpected line \"EXTRA\" where \"OK\" was expected");
  CHECK(seconds(one) < 5.0);  // the timeout is 1000 module s: 10 s real
}

TEST_CASE("nothing coming is a timeout and never a pass") {
  const RunResult result = runWith(kOkCase, [](const std::string& line) { return echoed(line); });
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.status == CaseStatus::Failed);
  CHECK(one.failure->failure == FailureClass::Timeout);
  CHECK(one.failure->message.rfind("no line \"OK\" came within", 0) == 0);
  CHECK(result.exitCode() == 1);
}

TEST_CASE("a missing echo is a timeout and a wrong echo a mismatch") {
  const RunResult silent = runWith(kOkCase, [](const std::string&) { return std::string(); });
  CHECK(caseNamed(silent, "at").failure->failure == FailureClass::Timeout);
  CHECK(caseNamed(silent, "at").failure->message == "the echo \"AT\\r\" did not come");
  const RunResult wrong = runWith(kOkCase, [](const std::string&) { return std::string("AX\r"); });
  CHECK(caseNamed(wrong, "at").failure->failure == FailureClass::Mismatch);
  CHECK(caseNamed(wrong, "at").failure->message == "the echo is \"AX\\r\", not \"AT\\r\"");
}

TEST_CASE("unsolicited lines pass only where the suite ignores them") {
  const auto ringFirst = [](const std::string& line) {
    return response({"RING"}) + echoed(line) + response({"RING", "OK"});
  };
  const RunResult strict = runWith(kOkCase, ringFirst);
  CHECK(caseNamed(strict, "at").failure->message ==
        "the line \"RING\" came where the echo was expected");
  const std::string ignoring = R"(
spec: "9.1"
defaults: {ignore: [RING]}
cases:
  - id: at
    steps:
      - send: AT
      - expect_final: OK
)";
  const RunResult result = runWith(ignoring, ringFirst);
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.status == CaseStatus::Passed);
  int unsolicited = 0;
  for (const auto& entry : one.transcript) unsolicited += entry.kind == EntryKind::Unsolicited;
  CHECK(unsolicited == 2);
}

TEST_CASE("fail_on fails the step the moment the line comes") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: at
    steps:
      - fail_on: {regex: '#CME ERROR: .*'}
      - send: AT#X
      - expect: "#X: 1"
        ignore: {regex: '.*'}
        timeout: 1000
)";
  const RunResult result = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"#CME ERROR: 34817"});
  });
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("it matches fail_on") != std::string::npos);
  CHECK(seconds(one) < 5.0);
}

TEST_CASE("expect_all takes the lines in any order and nothing else") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: all
    steps:
      - send: AT+CGATT=1
      - expect_all: [OK, "+CGREG: 2", "+CGREG: 1"]
)";
  const RunResult anyOrder = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"+CGREG: 2", "OK", "+CGREG: 1"});
  });
  CHECK(caseNamed(anyOrder, "all").status == CaseStatus::Passed);
  const RunResult other = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"+CGREG: 2", "+CGREG: 0", "OK"});
  });
  CHECK(caseNamed(other, "all").failure->message.find("unexpected line \"+CGREG: 0\"") !=
        std::string::npos);
}

TEST_CASE("forbid fails on a forbidden line in its window") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: quiet-module
    steps:
      - send: AT
      - expect_final: OK
      - forbid: RING
        for: 20
)";
  const RunResult ringing = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"OK", "RING"});
  });
  const CaseResult& one = caseNamed(ringing, "quiet-module");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("which forbids \"RING\"") != std::string::npos);
  const RunResult silent = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"OK"});
  });
  CHECK(caseNamed(silent, "quiet-module").status == CaseStatus::Passed);
}

TEST_CASE("captured values are variables for later steps") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: capture
    steps:
      - send: AT#GET
      - capture: {regex: 'VALUE=([0-9]+),([a-z]+)', into: [number, word]}
      - expect_final: OK
      - send: AT#SET={{number}},{{word}}
      - expect_final: OK
)";
  ScriptedTarget target([](const std::string& line) {
    if (line == "AT#GET") return echoed(line) + response({"VALUE=42,abc", "OK"});
    return echoed(line) + response({line == "AT#SET=42,abc" ? "OK" : "ERROR"});
  });
  TempFolder folder;
  RunOptions options;
  options.probeIdentity = false;
  const RunResult result = runSuiteText(yaml, target, folder, options);
  const CaseResult& one = caseNamed(result, "capture");
  CHECK(one.status == CaseStatus::Passed);
  CHECK(one.steps[1].captured.at("number") == "42");
  CHECK(one.steps[1].captured.at("word") == "abc");
}

TEST_CASE("xfail expects a failure and flags a pass") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: known
    xfail: the module answers ERROR here
    steps:
      - send: AT
      - expect_final: OK
)";
  const RunResult failing = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"ERROR"});
  });
  CHECK(caseNamed(failing, "known").status == CaseStatus::Xfail);
  CHECK(failing.exitCode() == 0);
  CHECK(failing.summary().xfail == 1);
  const RunResult passing = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"OK"});
  });
  CHECK(caseNamed(passing, "known").status == CaseStatus::Failed);
  CHECK(caseNamed(passing, "known").failure->message.find("remove the mark") != std::string::npos);
}

TEST_CASE("numeric results under ATV0") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: v0
    steps:
      - send: ATV0
      - expect_final: OK
      - send: AT#X
      - expect_final: "#CME ERROR: 34817"
)";
  const RunResult result = runWith(yaml, [](const std::string& line) {
    if (line == "ATV0") return echoed(line) + "0\r";
    return echoed(line) + "#CME ERROR: 34817\r\n";
  });
  CHECK(caseNamed(result, "v0").status == CaseStatus::Passed);
  const RunResult verbose = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"OK"});
  });
  CHECK(caseNamed(verbose, "v0").failure->failure == FailureClass::Mismatch);
}

TEST_CASE("lines after the last step fail the case") {
  const RunResult result = runWith(kOkCase, [](const std::string& line) {
    return echoed(line) + response({"OK", "SURPRISE"});
  });
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->phase == "end");
  CHECK(one.failure->message.find("SURPRISE") != std::string::npos);
}

TEST_CASE("setup and teardown and the steps not run") {
  const std::string yaml = R"(
spec: "9.1"
setup:
  - send: AT+SETUP
  - expect_final: OK
teardown:
  - send: AT+CLEANUP
  - expect_final: OK
cases:
  - id: fails
    steps:
      - send: AT
      - expect_final: OK
      - send: AT+NEVER
)";
  ScriptedTarget target([](const std::string& line) {
    return echoed(line) + response({line == "AT" ? "ERROR" : "OK"});
  });
  TempFolder folder;
  RunOptions options;
  options.probeIdentity = false;
  const RunResult result = runSuiteText(yaml, target, folder, options);
  const CaseResult& one = caseNamed(result, "fails");
  CHECK(one.status == CaseStatus::Failed);
  CHECK(one.failure->phase == "case");
  const std::vector<std::string> sent = target.received();
  CHECK(sent == std::vector<std::string>{"AT+SETUP", "AT", "AT+CLEANUP"});
  // The step after the failure is listed as not run; teardown ran and passed.
  bool notRun = false;
  for (const StepRecord& step : one.steps) {
    if (step.summary == "send \"AT+NEVER\"") notRun = step.status == StepStatus::NotRun;
  }
  CHECK(notRun);
  CHECK(one.steps.back().phase == "teardown");
  CHECK(one.steps.back().status == StepStatus::Passed);
}

TEST_CASE("a failing setup is an error of class setup") {
  const std::string yaml = R"(
spec: "9.1"
setup:
  - send: ATE0
  - expect_final: OK
cases:
  - id: never
    steps:
      - send: AT
)";
  const RunResult result = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"ERROR"});
  });
  const CaseResult& one = caseNamed(result, "never");
  CHECK(one.status == CaseStatus::Error);
  CHECK(one.failure->failure == FailureClass::Setup);
  CHECK(one.steps.back().status == StepStatus::NotRun);
  CHECK(result.exitCode() == 2);
}

TEST_CASE("a variable with no value when a step runs is a harness error") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: early
    steps:
      - send: AT{{later}}
      - capture: {regex: '(.*)', into: later}
)";
  const RunResult result = runWith(yaml, [](const std::string& line) { return echoed(line); });
  const CaseResult& one = caseNamed(result, "early");
  CHECK(one.status == CaseStatus::Error);
  CHECK(one.failure->failure == FailureClass::Harness);
  CHECK(one.failure->message == "no variable \"later\" is defined here");
}

TEST_CASE("a case the target cannot serve is skipped with the reason") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: radio
    steps:
      - inject: {event: ring}
  - id: ftp
    requires: [fixtures.ftp]
    steps:
      - send: AT
)";
  const RunResult result = runWith(yaml, [](const std::string& line) { return echoed(line); });
  const CaseResult& radio = caseNamed(result, "radio");
  CHECK(radio.status == CaseStatus::Skipped);
  CHECK(*radio.skipReason == "the target script does not offer radio-control");
  CHECK(*caseNamed(result, "ftp").skipReason == "the target script does not offer fixtures.ftp");
  CHECK(radio.steps.empty());
  CHECK(result.exitCode() == 0);
}

TEST_CASE("blank lines can be expected") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: blocks
    steps:
      - send: AT#VALL
      - expect: "eDsoft"
      - expect: ""
      - expect: "#A: 1"
      - expect_final: OK
)";
  const RunResult result = runWith(yaml, [](const std::string& line) {
    return echoed(line) + "\r\neDsoft\r\n\r\n#A: 1\r\n\r\nOK\r\n";
  });
  CHECK(caseNamed(result, "blocks").status == CaseStatus::Passed);
  const RunResult missing = runWith(yaml, [](const std::string& line) {
    return echoed(line) + "\r\neDsoft\r\n#A: 1\r\n\r\nOK\r\n";
  });
  CHECK(caseNamed(missing, "blocks").failure->message ==
        "unexpected line \"#A: 1\" where \"\" was expected");
}

TEST_CASE("an answer earlier than its timer allows is a mismatch") {
  const std::string yaml = R"(
spec: "9.1"
cases:
  - id: timer
    steps:
      - send: AT#DIAL
        mark: dial
      - expect: BUSY
        after: {mark: dial, min: 5}
)";
  const RunResult result = runWith(yaml, [](const std::string& line) {
    return echoed(line) + response({"BUSY"});
  });
  const CaseResult& one = caseNamed(result, "timer");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("earlier than the 5 s the spec gives") != std::string::npos);
}

TEST_CASE("an overlong line is a mismatch and memory stays bounded") {
  const RunResult result = runWith(kOkCase, [](const std::string& line) {
    return echoed(line) + "\r\n" + std::string(40000, 'x') + "\r\nOK\r\n";
  }, {.chunk = 4096});
  const CaseResult& one = caseNamed(result, "at");
  CHECK(one.failure->failure == FailureClass::Mismatch);
}

TEST_CASE("a module that closes its line is a transport error") {
  const RunResult result = runWith(kOkCase, [](const std::string& line) {
    return echoed(line);
  });
  // The scripted module keeps its line open: close it through a target of its own.
  struct ClosingTarget final : Target {
    std::string url() const override { return "closing"; }
    Timing timing() const override { return Timing{}; }
    std::set<std::string> capabilities() const override { return {}; }
    int maxJobs() const override { return 1; }
    bool freshPerCase() const override { return true; }
    std::unique_ptr<CaseModule> open(const ModuleRequest&) override {
      struct Closed final : CaseModule {
        Closed() {
          auto [a, b] = MemoryTransport::pair();
          host = std::move(a);
          b->close();
        }
        Transport& line() override { return *host; }
        RadioControl* radio() override { return nullptr; }
        Vars vars() const override { return {}; }
        std::string describe() const override { return "closed"; }
        std::unique_ptr<Transport> host;
      };
      return std::make_unique<Closed>();
    }
  } closing;
  TempFolder folder;
  RunOptions options;
  options.probeIdentity = false;
  const RunResult closed = runSuiteText(kOkCase, closing, folder, options);
  const CaseResult& one = caseNamed(closed, "at");
  CHECK(one.status == CaseStatus::Error);
  CHECK(one.failure->failure == FailureClass::Transport);
  CHECK(closed.exitCode() == 2);
  CHECK(caseNamed(result, "at").failure->failure == FailureClass::Timeout);
}

TEST_CASE("data cut anywhere decodes the same") {
  const std::string yaml = R"(
spec: "5.4.2"
cases:
  - id: data
    steps:
      - send: AT#OTCP=2
      - expect: Ok_Info_WaitingForData
      - expect_data: {counting: {size: 600}, end: true}
      - expect_final: OK
)";
  // The module's coding of 0..255 twice and more: every DLE and ETX escaped.
  std::string coded;
  for (int i = 0; i < 600; ++i) {
    const char byte = static_cast<char>(i & 0xff);
    if (byte == 0x10 || byte == 0x03) coded += '\x10';
    coded += byte;
  }
  for (std::size_t chunk : {1u, 2u, 3u, 7u, 64u}) {
    CAPTURE(chunk);
    const RunResult result = runWith(yaml, [&](const std::string& line) {
      return echoed(line) + response({"Ok_Info_WaitingForData"}) + coded + "\x03" + response({"OK"});
    }, {.chunk = chunk});
    CHECK(caseNamed(result, "data").status == CaseStatus::Passed);
  }
}

TEST_CASE("AT#PUTMAIL's body is the host's lines - not echoed - and its result ends it") {
  // 3.4 and docs/spec-decisions.md #26: no data mode with an ETX, the body is plain lines. A
  // body line that reads like a command (ATE0) is text: the echo is still expected after it.
  const char* yaml = R"(
spec: "3.4"
cases:
  - id: body
    steps:
      - send: AT#PUTMAIL
      - expect: Ok_Info_WaitingForData
      - send_data: {text: "ATE0\r\n.\r\n", coding: raw}
      - expect_final: OK
      - send: AT
      - expect_final: OK
)";
  std::vector<std::string> bodyLines;
  const RunResult result = runWith(yaml, [&](const std::string& raw) {
    const std::string line = raw.starts_with("\n") ? raw.substr(1) : raw;
    if (line == "AT#PUTMAIL") return echoed(line) + response({"Ok_Info_WaitingForData"});
    if (line == "AT") return echoed(line) + response({"OK"});
    bodyLines.push_back(line);
    return line == "." ? response({"OK"}) : std::string();
  });
  CHECK(caseNamed(result, "body").status == CaseStatus::Passed);
  CHECK(bodyLines == std::vector<std::string>{"ATE0", "."});
  // The same body where the module (wrongly) echoes it: the echo is an unexpected line.
  const RunResult echoing = runWith(yaml, [&](const std::string& raw) {
    const std::string line = raw.starts_with("\n") ? raw.substr(1) : raw;
    if (line == "AT#PUTMAIL") return echoed(line) + response({"Ok_Info_WaitingForData"});
    if (line == "AT") return echoed(line) + response({"OK"});
    return echoed(line) + (line == "." ? response({"OK"}) : std::string());
  });
  const CaseResult& failed = caseNamed(echoing, "body");
  CHECK(failed.status == CaseStatus::Failed);
  REQUIRE(failed.failure);
  CHECK(failed.failure->failure == FailureClass::Mismatch);
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
