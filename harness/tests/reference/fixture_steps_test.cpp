// The fixture steps against the reference module: each fails with the right class when the
// module does something else (other bytes stored: mismatch; nothing sent: timeout), their
// actions are in the transcript as fixture events, and the fixtures' passwords never reach a
// report.

#include <doctest/doctest.h>

#include "reference_options.hpp"
#include "report/json_report.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

constexpr const char* kFtpSuite = R"(
spec: "4"
requires: [fixtures.ftp]
import: [gprs.yaml]
blocks:
  put:
    - call: connect-gprs
    - send: AT#FTPSERV="{{ftp.host}}"
    - expect_final: OK
    - send: AT#FTPPORT={{ftp.port}}
    - expect_final: OK
    - send: AT#FTPUN="{{ftp.user}}"
    - expect_final: OK
    - send: AT#FTPPW="{{ftp.password}}"
    - expect_final: OK
    - send: AT#FTPPUTFILENAME="p.bin"
    - expect_final: OK
    - send: AT#FTPPUT
    - expect: Ok_Info_WaitingForData
    - send_data: {generate: {size: 1000, seed: 1}}
    - close: {}
    - expect_data: {end: true}
    - expect_final: OK
cases:
  - id: stored-as-sent
    steps:
      - call: put
      - ftp_expect_file: {path: /p.bin, generate: {size: 1000, seed: 1}}
  - id: other-bytes-stored
    steps:
      - call: put
      - ftp_expect_file: {path: /p.bin, generate: {size: 1000, seed: 2}}
  - id: by-digest
    steps:
      - call: put
      - ftp_expect_file: {path: /p.bin, generate: {size: 1000, seed: 2}, compare: digest}
  - id: commands-never-seen
    steps:
      - call: put
      - ftp_expect_commands: [TYPE A]
)";

TEST_CASE("ftp_expect_file and ftp_expect_commands fail as mismatches when the server saw otherwise") {
  TempFolder folder;
  folder.write("gprs.yaml", R"(
blocks:
  connect-gprs:
    - send: AT+CGREG=1
    - expect_final: OK
    - expect: "+CGREG: 0"
    - send: AT+CGATT=1
    - expect_all: [OK, "+CGREG: 2", "+CGREG: 1"]
    - send: AT#CONNECTIONSTART
    - expect: "{{module_ip}}"
    - expect_final: Ok_Info_GprsActivation
)");
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(1000)));
  const RunResult result = runSuiteText(kFtpSuite, target, folder);
  CHECK(caseNamed(result, "stored-as-sent").status == CaseStatus::Passed);
  const CaseResult& other = caseNamed(result, "other-bytes-stored");
  REQUIRE(other.failure);
  CHECK(other.failure->failure == FailureClass::Mismatch);
  CHECK(failingStep(other).kind == "ftp_expect_file");
  CHECK(failingStep(other).message.rfind("byte 0 of the file /p.bin differs", 0) == 0);
  CHECK(caseNamed(result, "by-digest").failure->failure == FailureClass::Mismatch);
  CHECK(failingStep(caseNamed(result, "by-digest")).message.find("sha256") != std::string::npos);
  const CaseResult& commands = caseNamed(result, "commands-never-seen");
  REQUIRE(commands.failure);
  CHECK(commands.failure->failure == FailureClass::Mismatch);
  CHECK(diffText(commands).find("+ TYPE I") != std::string::npos);
  // The fixture's actions are in the transcript, and its password in no report.
  bool seen = false;
  for (const TranscriptEntry& entry : other.transcript) {
    seen = seen || (entry.kind == EntryKind::Fixture && entry.text.find("/p.bin stored") != std::string::npos);
  }
  CHECK(seen);
  const std::string json = reportJson(result).dump();
  CHECK(json.find("ftp-fixture-secret") == std::string::npos);
  CHECK(json.find("\"fixture\"") != std::string::npos);
}

TEST_CASE("a peer that gets nothing fails its step as a timeout") {
  TempFolder folder;
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(300)));
  const RunResult result = runSuiteText(R"(
spec: "5"
cases:
  - id: nothing-sent
    steps:
      - tcp_listen: {}
      - udp_open: {}
      - tcp_expect_received: "never"
        timeout: 1
  - id: no-datagram
    steps:
      - udp_open: {}
      - udp_expect_datagram: "never"
        timeout: 1
  - id: no-peer
    steps:
      - tcp_send: "x"
        peer: nobody
)", target, folder);
  const CaseResult& tcp = caseNamed(result, "nothing-sent");
  REQUIRE(tcp.failure);
  CHECK(tcp.failure->failure == FailureClass::Timeout);
  CHECK(failingStep(tcp).kind == "tcp_expect_received");
  CHECK(caseNamed(result, "no-datagram").failure->failure == FailureClass::Timeout);
  CHECK(caseNamed(result, "no-peer").failure->failure == FailureClass::Harness);
  CHECK(result.exitCode() == 2);
}

TEST_CASE("a fixture case is skipped without the fixtures") {
  TempFolder folder;
  ReferenceTarget target(referenceOptions());
  const auto file = folder.write("s.yaml", R"(
spec: "4"
cases:
  - id: needs-ftp
    steps:
      - ftp_put_file: {path: a, text: x}
)");
  const LoadedSuites loaded = load({file});
  REQUIRE(loaded.problems.empty());
  RunOptions options;
  options.runId = "no-fixtures";
  options.probeIdentity = false;
  const RunResult result = harness::runSuites(loaded, target, options);
  CHECK(*caseNamed(result, "needs-ftp").skipReason == "the target ref does not offer fixtures.ftp");
}

TEST_CASE("a fixture variable of a capability the case does not require is a problem of the suite") {
  TempFolder folder;
  const auto file = folder.write("s.yaml", R"(
spec: "4"
cases:
  - id: no-ftp
    steps:
      - send: AT#FTPSERV="{{ftp.host}}"
      - expect_final: OK
)");
  const LoadedSuites loaded = load({file});
  REQUIRE(loaded.problems.size() == 1);
  CHECK(std::string(loaded.problems[0].what()).find("ftp.host") != std::string::npos);
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
