// The harness must catch what is wrong: the sample suites against a reference module seen
// through a proxy that changes one thing. The right case fails, with the right failure class,
// and its diff (what the report shows) has the deviation.

#include <doctest/doctest.h>

#include "reference_options.hpp"
#include "report/json_report.hpp"
#include "support/deviating_target.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

constexpr auto kShortMargin = std::chrono::milliseconds(500);

RunResult runSample(const Deviation& deviation, const std::string& suite,
                    const std::string& filter,
                    std::chrono::milliseconds margin = kShortMargin) {
  DeviatingTarget target(deviation, referenceOptions(margin));
  RunOptions options;
  options.filters = {filter};
  options.probeIdentity = false;
  return runSuites({projectRoot() / "suites" / "harness" / (suite + ".yaml")}, target, options);
}

// The failing step's diff as the JSON report writes it.
std::string reportedDiff(const RunResult& result, const std::string& id) {
  const nlohmann::json report = reportJson(result);
  for (const auto& one : report["cases"]) {
    if (one["case"] != id && one["id"] != id) continue;
    const auto& step = one["steps"][one["failure"]["step"].get<std::size_t>()];
    std::string out;
    for (const auto& line : step["diff"]) {
      out += line["op"].get<std::string>() + " " + line["text"].get<std::string>() + "\n";
    }
    return out;
  }
  return "";
}

TEST_CASE("a wrong default fails the case that reads it") {
  const RunResult result = runSample({"#REDIALDELAY: 5\r\n", "#REDIALDELAY: 6\r\n"}, "commands",
                                     "id:redialdelay-default");
  const CaseResult& one = caseNamed(result, "redialdelay-default");
  CHECK(one.status == CaseStatus::Failed);
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(reportedDiff(result, "redialdelay-default") ==
        "- \\r\\n#REDIALDELAY: 5\\r\\n\n+ \\r\\n#REDIALDELAY: 6\\r\\n\n");
}

TEST_CASE("a wrong error code fails the refusal") {
  const RunResult result = runSample({"#CME ERROR: 34882", "#CME ERROR: 34817"}, "commands",
                                     "id:redialdelay-illegal");
  REQUIRE(result.cases.size() == 3);
  for (const CaseResult& one : result.cases) {
    CAPTURE(one.id);
    CHECK(one.failure->failure == FailureClass::Mismatch);
    CHECK(diffText(one) == "- \\r\\n#CME ERROR: 34882\\r\\n\n+ \\r\\n#CME ERROR: 34817\\r\\n\n");
  }
}

TEST_CASE("a missing OK is a timeout and not a pass") {
  const RunResult result = runSample({"12:00:00\"\r\n\r\nOK\r\n", "12:00:00\"\r\n"}, "commands",
                                     "id:vversion-names-the-software");
  const CaseResult& one = caseNamed(result, "vversion-names-the-software");
  CHECK(one.status == CaseStatus::Failed);
  CHECK(one.failure->failure == FailureClass::Timeout);
  CHECK(failingStep(one).kind == "expect_final");
  CHECK(reportedDiff(result, "vversion-names-the-software") == "- \\r\\nOK\\r\\n\n");
}

TEST_CASE("an extra line fails at once") {
  // A timeout of 30 s: failing well before it is failing at the line, not at the timeout.
  const RunResult result = runSample({"12:00:00\"\r\n", "12:00:00\"\r\n\r\nEXTRA\r\n"}, "commands",
                                     "id:vversion-names-the-software", std::chrono::seconds(30));
  const CaseResult& one = caseNamed(result, "vversion-names-the-software");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message == "unexpected line \"EXTRA\" where \"OK\" was expected");
  CHECK(reportedDiff(result, "vversion-names-the-software") ==
        "- \\r\\nOK\\r\\n\n+ \\r\\nEXTRA\\r\\n\n");
  CHECK(std::chrono::duration<double>(one.ended - one.started).count() < 15);
}

TEST_CASE("a late answer is a timeout") {
  Deviation late{"\r\n#REDIALDELAY: 5", "\r\n#REDIALDELAY: 5", 1, std::chrono::milliseconds(3000)};
  const RunResult result = runSample(late, "commands", "id:redialdelay-default");
  const CaseResult& one = caseNamed(result, "redialdelay-default");
  CHECK(one.failure->failure == FailureClass::Timeout);
  CHECK(failingStep(one).kind == "expect");
}

TEST_CASE("CR LF turned into LF fails the first answer") {
  const RunResult result = runSample({"\r\n", "\n"}, "commands", "id:redialdelay-default");
  const CaseResult& one = caseNamed(result, "redialdelay-default");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("framed wrong") != std::string::npos);
  CHECK(reportedDiff(result, "redialdelay-default") ==
        "- \\r\\n#REDIALDELAY: 5\\r\\n\n+ \\n#REDIALDELAY: 5\\n\n");
}

TEST_CASE("OK ended by LF alone fails") {
  const RunResult result = runSample({"\r\nOK\r\n", "\r\nOK\n", 1}, "commands",
                                     "id:redialdelay-default");
  const CaseResult& one = caseNamed(result, "redialdelay-default");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(reportedDiff(result, "redialdelay-default") == "- \\r\\nOK\\r\\n\n+ \\r\\nOK\\n\n");
}

TEST_CASE("a missing DLE escape ends the data early") {
  // Counting data holds an ETX at offset 3: coded DLE ETX; without its DLE it ends data mode.
  const RunResult result = runSample({std::string("\x10\x03", 2), "\x03"}, "data_mode",
                                     "id:every-byte-value-crosses");
  const CaseResult& one = caseNamed(result, "every-byte-value-crosses");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(failingStep(one).kind == "expect_data");
  CHECK(one.failure->message == "data mode ended (the module's ETX) after 3 of 512 bytes");
  CHECK(reportedDiff(result, "every-byte-value-crosses").find("+ \\x00\\x01\\x02\n") !=
        std::string::npos);
}

TEST_CASE("a needless DLE escape is a mismatch") {
  // The module escapes an 'A' (0x41) that needs no escape.
  const RunResult result = runSample({std::string("\x40\x41", 2), std::string("\x40\x10\x41", 3)},
                                     "data_mode", "id:every-byte-value-crosses");
  const CaseResult& one = caseNamed(result, "every-byte-value-crosses");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("need no escape") != std::string::npos);
}

TEST_CASE("a dropped leading CR LF fails") {
  const RunResult result = runSample({"\r\n#REDIALDELAY", "#REDIALDELAY", 1}, "commands",
                                     "id:redialdelay-default");
  const CaseResult& one = caseNamed(result, "redialdelay-default");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("no \"\\r\\n\" before it") != std::string::npos);
}

TEST_CASE("an unsolicited line out of place fails the step that meets it") {
  const RunResult result = runSample({"\r\n+CGREG: 0\r\n", "\r\n+CGREG: 0\r\n\r\nRING\r\n", 1},
                                     "unsolicited", "id:gprs-attachment-reports");
  const CaseResult& one = caseNamed(result, "gprs-attachment-reports");
  CHECK(one.failure->failure == FailureClass::Mismatch);
  CHECK(one.failure->message.find("\"RING\"") != std::string::npos);
}

TEST_CASE("the untouched module passes the same cases") {
  const RunResult result = runSample({"never sent", "never sent"}, "commands", "harness");
  for (const CaseResult& one : result.cases) {
    CAPTURE(one.id);
    CHECK(one.status == CaseStatus::Passed);
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
