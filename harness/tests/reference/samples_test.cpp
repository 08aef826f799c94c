// The sample suites of suites/harness, one per step kind, pass on the reference module; their
// reports are what reports/schema.json says, and credentials never reach them.

#include <doctest/doctest.h>

#include <fstream>
#include <functional>

#include "fixture_steps/fixture_steps.hpp"
#include "reference_options.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

using Json = nlohmann::json;

const JsonSchema& reportSchema() {
  static const JsonSchema schema = [] {
    std::ifstream in(projectRoot() / "reports" / "schema.json");
    return JsonSchema(Json::parse(in));
  }();
  return schema;
}

void checkReportValid(const RunResult& result) {
  for (const SchemaViolation& violation : reportSchema().validate(reportJson(result))) {
    FAIL_CHECK(violation.pointer << ": " << violation.message);
  }
}

TEST_CASE("every sample suite passes on the reference module") {
  ReferenceTarget target(referenceOptions());
  RunOptions options;
  options.jobs = 2;
  const RunResult result = runSuites({projectRoot() / "suites" / "harness"}, target, options);
  for (const CaseResult& one : result.cases) {
    CAPTURE(one.id);
    CHECK(one.status == CaseStatus::Passed);
    if (one.failure) FAIL_CHECK(one.failure->message);
  }
  CHECK(result.cases.size() >= 20);
  CHECK(result.exitCode() == 0);
  REQUIRE(result.identity);
  CHECK(result.identity->software == "eDsoft-W302_V03.00");
  checkReportValid(result);
}

TEST_CASE("every step kind has a sample") {
  // The real daemons' steps (daemons.*) have theirs in the interop suites: a sample there may
  // need root (vsftpd), and "every sample suite passes" runs suites/harness as any user.
  const LoadedSuites loaded =
      load({projectRoot() / "suites" / "harness", projectRoot() / "suites" / "interop"});
  std::set<std::string> used;
  const std::function<void(const std::vector<StepPtr>&)> collect = [&](const auto& steps) {
    for (const StepPtr& step : steps) used.insert(std::string(step->kind()));
  };
  for (const Suite& suite : loaded.suites) {
    collect(suite.setup);
    collect(suite.teardown);
    for (const auto& [name, block] : *suite.blocks) collect(block->steps);
    for (const CaseSpec& spec : suite.cases) collect(spec.steps);
  }
  StepRegistry registry = StepRegistry::withBuiltins();
  addFixtureSteps(registry);
  for (const std::string& kind : registry.kinds()) {
    CAPTURE(kind);
    CHECK(used.count(kind) == 1);
  }
}

TEST_CASE("a failing run's report is valid and its transcript marks what it must") {
  TempFolder folder;
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(300)));
  const RunResult result = runSuiteText(R"(
spec: "9.2"
cases:
  - id: wrong-code
    steps:
      - send: AT#REDIALDELAY=0
      - expect_final: "#CME ERROR: 34817"
  - id: gprs-lost-marked
    steps:
      - send: AT+CGREG=1
      - expect_final: OK
      - expect: "+CGREG: 0"
      - inject: {event: gprs-lost}
      - send: AT
      - expect_final: OK
  - id: never-comes
    steps:
      - send: AT
      - expect_final: OK
      - expect: RING
)", target, folder);
  checkReportValid(result);
  CHECK(caseNamed(result, "wrong-code").failure->failure == FailureClass::Mismatch);
  CHECK(diffText(caseNamed(result, "wrong-code")) ==
        "- \\r\\n#CME ERROR: 34817\\r\\n\n+ \\r\\n#CME ERROR: 34882\\r\\n\n");
  const CaseResult& marked = caseNamed(result, "gprs-lost-marked");
  CHECK(marked.status == CaseStatus::Passed);
  bool fault = false;
  for (const TranscriptEntry& entry : marked.transcript) fault = fault || (entry.kind == EntryKind::Inject && entry.fault);
  CHECK(fault);
  CHECK(caseNamed(result, "never-comes").failure->failure == FailureClass::Timeout);
  CHECK(result.exitCode() == 1);
  const std::string xml = junitXml(result);
  CHECK(xml.find("<failure type=\"mismatch\"") != std::string::npos);
  CHECK(xml.find("<failure type=\"timeout\"") != std::string::npos);
  CHECK(xml.find("tests=\"3\" failures=\"2\" errors=\"0\"") != std::string::npos);
}

TEST_CASE("credentials never reach a report") {
  TempFolder folder;
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(300)));
  const RunResult result = runSuiteText(R"(
spec: "4.1.5"
cases:
  - id: password-shown
    steps:
      - send: AT#FTPPW="s3cret-pw"
      - expect_final: OK
      - send: AT#FTPPW?
      - expect: '#FTPPW: "wrong"'
)", target, folder);
  const CaseResult& one = caseNamed(result, "password-shown");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  const std::string json = reportJson(result).dump();
  const std::string xml = junitXml(result);
  CHECK(json.find("s3cret-pw") == std::string::npos);
  CHECK(xml.find("s3cret-pw") == std::string::npos);
  CHECK(json.find("AT#FTPPW=****") != std::string::npos);
  CHECK(json.find("#FTPPW: ****") != std::string::npos);
  checkReportValid(result);
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
