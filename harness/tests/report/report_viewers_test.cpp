// The report viewers (atsharp report show|html|diff|merge) on reports of real runs against the
// reference module and on hand-made edge cases: an empty run, all skipped, binary payloads with
// '<' and NUL, files that are not reports; and the command line's exit statuses.

#include <doctest/doctest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <array>
#include <fstream>
#include <sstream>

#include "reference/reference_options.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "report/report_bytes.hpp"
#include "report/report_diff.hpp"
#include "report/report_file.hpp"
#include "report/report_html.hpp"
#include "coverage/coverage.hpp"
#include "report/report_merge.hpp"
#include "report/report_show.hpp"
#include "report/report_schema.hpp"
#include "report/report_to_result.hpp"
#include "schema/json_schema.hpp"
#include "text/byte_text.hpp"
#include "text/regex.hpp"
#include "support/command_outcome.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

using Json = nlohmann::json;
namespace fs = std::filesystem;

// A passing and a deliberately failing case: the module answers OK where ERROR is expected.
const char* kMixedSuite = R"(
spec: "8.1"
cases:
  - id: version
    steps:
      - send: AT#VVERSION
      - expect: {regex: '#VERSION: .*'}
      - expect_final: OK
  - id: wrong
    steps:
      - send: AT
      - expect_final: ERROR
)";

// The report of a real run on the reference module, as a viewer reads it back.
Json realRunReport(const std::string& runId = "real-run") {
  TempFolder folder;
  ReferenceTarget target(referenceOptions());
  RunOptions options;
  options.runId = runId;
  const RunResult result = runSuiteText(kMixedSuite, target, folder, options);
  return parseReport(reportJson(result).dump(), "real.json");
}

CaseResult handMadeCase(const std::string& caseId, CaseStatus status) {
  CaseResult one;
  one.suite = "edge";
  one.suiteFile = "suites/edge.yaml";
  one.caseId = caseId;
  one.id = "edge/" + caseId;
  one.title = caseId;
  one.source = {"suites/edge.yaml", 3, 5};
  one.status = status;
  if (status == CaseStatus::Skipped) one.skipReason = "needs radio-control";
  if (status == CaseStatus::Failed || status == CaseStatus::Error) {
    one.failure = CaseFailure{status == CaseStatus::Failed ? FailureClass::Mismatch : FailureClass::Transport,
                              "went wrong", std::nullopt, "case", std::nullopt};
  }
  return one;
}

RunResult handMadeRun(const std::string& runId, std::vector<CaseResult> cases) {
  RunResult run;
  run.runId = runId;
  run.toolVersion = "0.0";
  run.targetUrl = "ref";
  run.timeScale = 0.01;
  run.jobs = 1;
  run.suiteFiles = {"suites/edge.yaml"};
  run.started = std::chrono::system_clock::time_point(std::chrono::seconds(1700000000));
  run.finished = run.started + std::chrono::seconds(2);
  run.cases = std::move(cases);
  return run;
}

Json jsonOf(const RunResult& run, const Coverage* coverage = nullptr) {
  return parseReport(reportJson(run, coverage).dump(), "made.json");
}

std::string shown(const Json& report, ShowOptions options = {}) {
  std::ostringstream out;
  showReport(out, report, options);
  return out.str();
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A case whose module sent a payload with every awkward byte: '<', '&', NUL, DLE, ETX, 0xff.
RunResult binaryPayloadRun() {
  CaseResult one = handMadeCase("binary", CaseStatus::Failed);
  const std::string payload("<script>alert(1)</script>&\0\x10\x03\xff", 30);
  TranscriptEntry entry;
  entry.direction = Direction::Rx;
  entry.kind = EntryKind::Data;
  entry.bytes = Bytes(payload.begin(), payload.end());
  entry.payloadSize = payload.size();
  one.transcript.push_back(entry);
  StepRecord step;
  step.index = 0;
  step.phase = "case";
  step.kind = "expect_data";
  step.summary = "expect <data>";
  step.status = StepStatus::Failed;
  step.failure = FailureClass::Mismatch;
  step.message = "data differs at <0>";
  step.expected.push_back({"<b>\r\n", true});
  step.received = entry.bytes;
  step.diff.push_back({'-', "<b>\r\n", true});
  step.diff.push_back({'+', payload, true});
  one.steps.push_back(step);
  one.failure->step = 0;
  one.title = "a title with <i>markup</i> & \"quotes\"";
  return handMadeRun("binary-run", {one});
}

// -- reading ------------------------------------------------------------------------------

TEST_CASE("bytes come back from their hex and escaped forms") {
  const std::string all = [] {
    std::string bytes;
    for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
    return bytes;
  }();
  CHECK(asString(bytesFromHex(hexBytes(asBytes(all)))) == all);
  CHECK(asString(bytesFromEscaped(escapeBytes(asBytes(all)))) == all);
  CHECK(asString(bytesFromEscaped("a\\q\\x4")) == "a\\q\\x4");
  CHECK(shownText(asBytes(std::string("AT\r\n\x10\x03<\xe9", 8))) == "AT<CR><LF><DLE><ETX><3c><e9>");
}

TEST_CASE("a missing file or one that is not a report gets a clear error") {
  TempFolder folder;
  CHECK_THROWS_WITH_AS(readReport(folder.path() / "none.json"),
                       doctest::Contains("cannot be read"), ReportFileError);
  CHECK_THROWS_WITH_AS(readReport(folder.write("text.json", "not json")),
                       doctest::Contains("not JSON"), ReportFileError);
  CHECK_THROWS_WITH_AS(readReport(folder.write("other.json", R"({"cases": []})")),
                       doctest::Contains("not an atsharp conformance report"), ReportFileError);
  CHECK_THROWS_WITH_AS(readReport(folder.write("empty.json", "")), doctest::Contains("not JSON"),
                       ReportFileError);
  Json broken = reportJson(handMadeRun("r", {}));
  broken["cases"] = Json::array({Json{{"id", 3}}});
  CHECK_THROWS_WITH_AS(parseReport(broken.dump(), "broken.json"),
                       doctest::Contains("broken.json: not a valid report"), ReportFileError);
  CHECK_THROWS_WITH_AS(readReport(folder.path()), doctest::Contains("a folder"), ReportFileError);
}

// -- show ---------------------------------------------------------------------------------

TEST_CASE("show gives the run and the failing case with its step and transcript") {
  const Json report = realRunReport();
  const std::string text = shown(report);
  INFO(text);
  CHECK(contains(text, "run real-run"));
  CHECK(contains(text, "eDsoft-W302_V03.00"));
  CHECK(contains(text, "cases     2: 1 passed, 1 failed, 0 error, 0 skipped, 0 xfail"));
  CHECK(contains(text, "FAIL  suite/wrong"));
  CHECK_FALSE(contains(text, "suite/version"));
  CHECK(contains(text, "mismatch: unexpected line \"OK\""));
  CHECK(contains(text, "expected  <CR><LF>ERROR<CR><LF>"));
  CHECK(contains(text, "received  <CR><LF>OK<CR><LF>"));
  CHECK(contains(text, "- <CR><LF>ERROR<CR><LF>"));
  CHECK(contains(text, "+ <CR><LF>OK<CR><LF>"));
  CHECK(Regex(R"(  [0-9.]+ +[0-9.]+  TX command +AT<CR>)").search(text));
  CHECK(Regex(R"(> +[0-9.]+ +[0-9.]+  RX line +<CR><LF>OK<CR><LF>)").search(text));
  CHECK_FALSE(contains(text, "\x1b["));
  const std::string all = shown(report, {true, false, true});
  CHECK(contains(all, "\x1b[32mpass \x1b[0m suite/version"));
  CHECK(contains(all, "\x1b[31mFAIL \x1b[0m"));
}

TEST_CASE("show marks every byte and says when nothing failed") {
  const std::string binary = shown(jsonOf(binaryPayloadRun()));
  INFO(binary);
  CHECK(contains(binary, "<3c>script>alert(1)<3c>/script>&<NUL><DLE><ETX><ff>"));
  CHECK(contains(binary, "[payload 30 bytes]"));
  const std::string empty = shown(jsonOf(handMadeRun("empty", {})));
  CHECK(contains(empty, "cases     0: 0 passed, 0 failed, 0 error, 0 skipped, 0 xfail"));
  const Json skipped = jsonOf(handMadeRun("skips", {handMadeCase("a", CaseStatus::Skipped),
                                                    handMadeCase("b", CaseStatus::Skipped)}));
  CHECK(contains(shown(skipped), "no case failed or had an error"));
  CHECK(contains(shown(skipped, {true, false, false}), "skip  edge/b  (0.00 s)\n      needs radio-control"));
}

TEST_CASE("show keeps a report's control characters off the terminal") {
  Json report = jsonOf(handMadeRun("r", {handMadeCase("a", CaseStatus::Failed)}));
  report["cases"][0]["failure"]["message"] = "red \x1b[31m text";
  const std::string text = shown(report);
  CHECK(contains(text, "red \\x1b[31m text"));
  CHECK_FALSE(contains(text, "\x1b"));
}

// -- html ---------------------------------------------------------------------------------

// No reference to anything outside the page: no src, no link but to the page's own anchors.
void checkSelfContained(const std::string& page) {
  CHECK_FALSE(contains(page, "src="));
  CHECK_FALSE(contains(page, "url("));
  CHECK_FALSE(contains(page, "@import"));
  CHECK_FALSE(contains(page, "http:"));
  CHECK_FALSE(contains(page, "https:"));
  CHECK_FALSE(contains(page, "<script"));
  CHECK_FALSE(contains(page, "<link"));
  for (std::size_t at = page.find("href"); at != std::string::npos; at = page.find("href", at + 1)) {
    CHECK(page.compare(at, 7, "href=\"#") == 0);
  }
}

TEST_CASE("the html page of a real run has every case with TX and RX coloured and the failing step") {
  const std::string page = reportHtml(realRunReport());
  checkSelfContained(page);
  CHECK(contains(page, "<title>atsharp conformance report real-run</title>"));
  CHECK(contains(page, "<a href=\"#case-0\">suite/version</a>"));
  CHECK(contains(page, "<a href=\"#case-1\">suite/wrong</a>"));
  CHECK(contains(page, "<details class=\"case\" id=\"case-1\" open>"));
  CHECK(contains(page, "<tr class=\"tx\">"));
  CHECK(contains(page, "<tr class=\"rx failing\">"));
  CHECK(contains(page, "<tr class=\"step-failed\">"));
  CHECK(contains(page, "<td class=\"bytes expected\"><span class=\"c\">&lt;CR&gt;</span><span class=\"c\">&lt;LF&gt;</span>ERROR"));
  CHECK(contains(page, "<td class=\"bytes received\"><span class=\"c\">&lt;CR&gt;</span><span class=\"c\">&lt;LF&gt;</span>OK"));
}

TEST_CASE("the html page escapes every text and byte of the report") {
  const std::string page = reportHtml(jsonOf(binaryPayloadRun()));
  checkSelfContained(page);
  CHECK(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;&amp;<span class=\"c\">&lt;NUL&gt;</span>"
                       "<span class=\"c\">&lt;DLE&gt;</span><span class=\"c\">&lt;ETX&gt;</span>"
                       "<span class=\"c\">&lt;ff&gt;</span>"));
  CHECK(contains(page, "a title with &lt;i&gt;markup&lt;/i&gt; &amp; &quot;quotes&quot;"));
  CHECK(contains(page, "data differs at &lt;0&gt;"));
  CHECK_FALSE(contains(page, "<i>"));
  CHECK(contains(page, "&lt;b&gt;"));
  CHECK(page.find('\0') == std::string::npos);
  CHECK(htmlEscaped("<a href='x'>&\x01") == "&lt;a href=&#39;x&#39;&gt;&amp;\\x01");
  checkSelfContained(reportHtml(jsonOf(handMadeRun("empty", {}))));
}

// -- diff ---------------------------------------------------------------------------------

TEST_CASE("diff sorts the cases into newly failing and passing and added and removed") {
  const Json before = jsonOf(handMadeRun(
      "a", {handMadeCase("stays", CaseStatus::Passed), handMadeCase("breaks", CaseStatus::Passed),
            handMadeCase("heals", CaseStatus::Failed), handMadeCase("goes", CaseStatus::Passed),
            handMadeCase("skips", CaseStatus::Passed)}));
  const Json after = jsonOf(handMadeRun(
      "b", {handMadeCase("stays", CaseStatus::Passed), handMadeCase("breaks", CaseStatus::Error),
            handMadeCase("heals", CaseStatus::Passed), handMadeCase("new", CaseStatus::Failed),
            handMadeCase("skips", CaseStatus::Skipped)}));
  const ReportDiff changes = diffReports(before, after);
  REQUIRE(changes.newlyFailing.size() == 1);
  CHECK(changes.newlyFailing[0].id == "edge/breaks");
  CHECK(changes.newlyFailing[0].message == "transport: went wrong");
  REQUIRE(changes.newlyPassing.size() == 1);
  CHECK(changes.newlyPassing[0].id == "edge/heals");
  REQUIRE(changes.otherChanges.size() == 1);
  CHECK(changes.otherChanges[0].id == "edge/skips");
  REQUIRE(changes.added.size() == 1);
  CHECK(changes.added[0].id == "edge/new");
  REQUIRE(changes.removed.size() == 1);
  CHECK(changes.removed[0].id == "edge/goes");
  CHECK(changes.unchanged == 1);
  CHECK(changes.worse());
  CHECK_FALSE(diffReports(after, after).worse());
  const ReportDiff back = diffReports(after, before);  // error -> passed is not worse
  REQUIRE(back.newlyFailing.size() == 1);
  CHECK(back.newlyFailing[0].id == "edge/heals");
  REQUIRE(back.newlyPassing.size() == 1);
  CHECK(back.newlyPassing[0].id == "edge/breaks");
  std::ostringstream out;
  showReportDiff(out, before, after, changes);
  CHECK(contains(out.str(), "newly failing (1):\n  edge/breaks  passed -> error\n      transport: went wrong\n"));
  CHECK(contains(out.str(), "1 newly failing, 1 newly passing, 1 other change(s), 1 added, 1 removed, 1 unchanged"));
}

// -- merge --------------------------------------------------------------------------------

RunResult shard(const std::string& runId, int index, int count, std::vector<CaseResult> cases) {
  RunResult run = handMadeRun(runId, std::move(cases));
  run.shard = std::pair(index, count);
  run.started += std::chrono::seconds(index);
  run.finished += std::chrono::seconds(index);
  return run;
}

TEST_CASE("merge joins the shards of a run in the suites' order and counts again") {
  CaseResult first = handMadeCase("first", CaseStatus::Passed);
  first.source.line = 3;
  CaseResult second = handMadeCase("second", CaseStatus::Failed);
  second.source.line = 9;
  CaseResult third = handMadeCase("third", CaseStatus::Skipped);
  third.source.line = 20;
  const Json merged = mergeReports({{"s2.json", jsonOf(shard("run", 2, 2, {second}))},
                                    {"s1.json", jsonOf(shard("run", 1, 2, {first, third}))}});
  CHECK(reportSchema().validate(merged).empty());
  CHECK(merged["run_id"] == "run");
  CHECK(merged["selection"]["shard"].is_null());
  CHECK(merged["summary"] == Json{{"total", 3}, {"passed", 1}, {"failed", 1}, {"error", 0}, {"skipped", 1}, {"xfail", 0}});
  CHECK(merged["exit_code"] == 1);
  CHECK(merged["started_at"] == "2023-11-14T22:13:21.000Z");
  CHECK(merged["finished_at"] == "2023-11-14T22:13:24.000Z");
  CHECK(merged["duration_s"] == 3.0);
  REQUIRE(merged["cases"].size() == 3);
  CHECK(merged["cases"][0]["id"] == "edge/first");
  CHECK(merged["cases"][1]["id"] == "edge/second");
  CHECK(merged["cases"][1]["started_s"] == 1.0);  // shard 2 started a second after shard 1
  CHECK(merged["cases"][2]["id"] == "edge/third");
  const std::string junit = junitXml(runResultFromReport(merged));
  CHECK(contains(junit, "tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""));
  CHECK(contains(junit, "<testcase classname=\"edge\" name=\"second\""));
  CHECK(contains(junit, "<failure type=\"mismatch\" message=\"went wrong\">"));
}

TEST_CASE("merge joins the shards' coverage: each case as the shard that ran it lists it") {
  const RowCatalogue rows{{"8.1.2/vversion", "8.1.2", "8", std::nullopt},
                          {"9.2/49153", "9.2", "9", "no such layer"},
                          {"9.2/38016", "9.2", "9", std::nullopt}};
  // Each shard claims every case, in the suites' order; those another shard ran are "not-run".
  const auto claims = [](const char* first, const char* second) {
    return std::vector<CaseClaim>{
        {"edge/first", {"8.1.2/vversion"}, first, "", first != std::string(kNotRun)},
        {"edge/second", {"8.1.2/vversion", "9.2/38016"}, second, "", second != std::string(kNotRun)}};
  };
  const Coverage one = computeCoverage(rows, claims("passed", kNotRun), CoverageBasis::Run, "rows.yaml");
  const Coverage two = computeCoverage(rows, claims(kNotRun, "passed"), CoverageBasis::Run, "rows.yaml");
  const Json first = jsonOf(shard("run", 1, 2, {handMadeCase("first", CaseStatus::Passed)}), &one);
  const Json second = jsonOf(shard("run", 2, 2, {handMadeCase("second", CaseStatus::Passed)}), &two);
  CHECK(first["coverage"]["summary"]["not_covered"] == 1);  // 9.2/38016: its case ran elsewhere
  const Json merged = mergeReports({{"s2.json", second}, {"s1.json", first}});
  CHECK(reportSchema().validate(merged).empty());
  const Json& coverage = merged["coverage"];
  CHECK(coverage["summary"] == Json{{"rows", 3}, {"covered", 2}, {"not_covered", 0},
                                    {"uncovered", 0}, {"explained", 1}});
  CHECK(coverage["chapters"][1] == Json{{"chapter", "9"}, {"rows", 2}, {"covered", 1},
                                        {"not_covered", 0}, {"uncovered", 0}, {"explained", 1}});
  const Json& vversion = coverage["rows"][0];
  CHECK(vversion["state"] == "covered");
  REQUIRE(vversion["cases"].size() == 2);
  CHECK(vversion["cases"][0]["id"] == "edge/first");
  CHECK(vversion["cases"][0]["status"] == "passed");
  CHECK(vversion["cases"][1]["status"] == "passed");
  CHECK(coverage["rows"][1]["state"] == "explained");
  CHECK(coverage["rows"][2]["state"] == "covered");
  CHECK(coverage["rows"][2]["cases"] == Json::array({Json{{"id", "edge/second"}, {"status", "passed"},
                                                          {"reason", nullptr}, {"covers", true}}}));
  // Coverage from some shards only would count the others' rows as not covered: refused.
  const Json bare = jsonOf(shard("run", 2, 2, {handMadeCase("second", CaseStatus::Passed)}));
  CHECK_THROWS_WITH_AS(mergeReports({{"s1.json", first}, {"s2.json", bare}}),
                       doctest::Contains("s1.json has a coverage section, s2.json has none"),
                       ReportMergeError);
}

TEST_CASE("merge refuses reports that are not of one run") {
  const Json one = jsonOf(shard("run", 1, 2, {handMadeCase("a", CaseStatus::Passed)}));
  const Json two = jsonOf(shard("run", 2, 2, {handMadeCase("b", CaseStatus::Passed)}));
  const Json other = jsonOf(shard("other", 2, 2, {handMadeCase("b", CaseStatus::Passed)}));
  const Json again = jsonOf(shard("run", 2, 2, {handMadeCase("a", CaseStatus::Passed)}));
  CHECK_THROWS_WITH_AS(mergeReports({{"1.json", one}, {"x.json", other}}),
                       doctest::Contains("1.json has run id \"run\", x.json has \"other\""), ReportMergeError);
  CHECK_THROWS_WITH_AS(mergeReports({{"1.json", one}, {"2.json", again}}),
                       "case edge/a twice: in 1.json and 2.json", ReportMergeError);
  CHECK_THROWS_WITH_AS(mergeReports({{"1.json", one}, {"1b.json", one}}),
                       doctest::Contains("shard 1/2 twice"), ReportMergeError);
  CHECK_THROWS_WITH_AS(mergeReports({{"1.json", one}}), doctest::Contains("shard(s) 2 of 2 missing"),
                       ReportMergeError);
  CHECK(mergeReports({{"1.json", one}}, {true})["cases"].size() == 1);
  CHECK_THROWS_AS(mergeReports({}), ReportMergeError);
  CHECK(mergeReports({{"1.json", one}, {"2.json", two}})["exit_code"] == 0);
}

TEST_CASE("a report read back gives the same JUnit XML as the run it was written from") {
  TempFolder folder;
  ReferenceTarget target(referenceOptions());
  const RunResult result = runSuiteText(kMixedSuite, target, folder);
  const RunResult back = runResultFromReport(parseReport(reportJson(result).dump(), "r.json"));
  // Times are rounded to the microsecond in the JSON: the texts are compared without digits.
  const auto withoutTimes = [](std::string xml) {
    std::erase_if(xml, [](char c) { return c >= '0' && c <= '9'; });
    return xml;
  };
  CHECK(withoutTimes(junitXml(back)) == withoutTimes(junitXml(result)));
}

// The sample suites the viewers meet in practice: the harness's own step samples (the fixture
// samples need the fixture servers, which these viewers add nothing to).
std::vector<fs::path> sampleSuites() {
  std::vector<fs::path> files;
  for (const char* name : {"capture", "commands", "data_mode", "gprs", "unsolicited"}) {
    files.push_back(projectRoot() / "suites" / "harness" / (std::string(name) + ".yaml"));
  }
  return files;
}

TEST_CASE("the shards of a run of the sample suites merge into the whole run") {
  ReferenceTarget target(referenceOptions());
  RunOptions options;
  options.runId = "samples";
  options.jobs = 2;
  const Json whole = parseReport(reportJson(runSuites(sampleSuites(), target, options)).dump(), "whole.json");
  std::vector<NamedReport> parts;
  for (int index = 1; index <= 2; ++index) {
    options.shard = Shard{index, 2};
    parts.push_back({"shard-" + std::to_string(index) + ".json",
                     parseReport(reportJson(runSuites(sampleSuites(), target, options)).dump(), "shard.json")});
  }
  REQUIRE(whole["cases"].size() >= 10);
  const Json merged = mergeReports({parts[1], parts[0]});
  // The three runs are separate runs of real modules: what merge must give is the parts' cases
  // in the whole run's order, and the parts' counts added up.
  for (const char* count : {"total", "passed", "failed", "error", "skipped", "xfail"}) {
    CAPTURE(count);
    CHECK(merged["summary"][count] ==
          parts[0].report["summary"][count].get<int>() + parts[1].report["summary"][count].get<int>());
  }
  CHECK(merged["summary"]["total"] == whole["summary"]["total"]);
  REQUIRE(merged["cases"].size() == whole["cases"].size());
  for (std::size_t i = 0; i < merged["cases"].size(); ++i) {
    CHECK(merged["cases"][i]["id"] == whole["cases"][i]["id"]);
  }
  const ReportDiff changes = diffReports(whole, merged);
  CHECK(changes.added.empty());
  CHECK(changes.removed.empty());
  const std::string text = shown(merged, {true, false, false});
  CHECK(contains(text, "pass  commands/"));
  CHECK(contains(text, "cases     " + std::to_string(whole["cases"].size()) + ": "));
  const std::string page = reportHtml(merged);
  checkSelfContained(page);
  CHECK(contains(page, "<tr class=\"rx\">"));
}

// -- the command line ---------------------------------------------------------------------

Outcome atsharpReport(const std::string& arguments) {
  return runCommand(std::string(ATSHARP_CLI) + " report " + arguments);
}

TEST_CASE("atsharp report exits 0 when done and 1 for a worse diff or a bad merge and 2 for usage") {
  TempFolder folder;
  const std::string passed = (folder.path() / "passed.json").string();
  const std::string failed = (folder.path() / "failed.json").string();
  writeReportJson(jsonOf(handMadeRun("a", {handMadeCase("x", CaseStatus::Passed)})), passed);
  writeReportJson(jsonOf(handMadeRun("b", {handMadeCase("x", CaseStatus::Failed)})), failed);
  CHECK(atsharpReport("").status == 2);
  CHECK(atsharpReport("frobnicate").status == 2);
  CHECK(atsharpReport("--help").status == 0);
  Outcome outcome = atsharpReport("show " + failed);
  CHECK(outcome.status == 0);
  CHECK(contains(outcome.output, "FAIL  edge/x"));
  CHECK_FALSE(contains(outcome.output, "\x1b["));  // not a terminal
  CHECK(atsharpReport("show " + failed + " --color always").output.find("\x1b[31m") != std::string::npos);
  outcome = atsharpReport("show " + (folder.path() / "missing.json").string());
  CHECK(outcome.status == 2);
  CHECK(contains(outcome.output, "missing.json: cannot be read"));
  CHECK(atsharpReport("show").status == 2);
  CHECK(atsharpReport("show " + failed + " --bogus").status == 2);
  CHECK(atsharpReport("diff " + passed + " " + passed).status == 0);
  CHECK(atsharpReport("diff " + failed + " " + passed).status == 0);
  outcome = atsharpReport("diff " + passed + " " + failed);
  CHECK(outcome.status == 1);
  CHECK(contains(outcome.output, "newly failing (1):\n  edge/x  passed -> failed"));
  CHECK(atsharpReport("diff " + passed).status == 2);
  outcome = atsharpReport("html " + failed + " -o " + (folder.path() / "page/out.html").string());
  CHECK(outcome.status == 0);
  CHECK(fs::file_size(folder.path() / "page/out.html") > 0);
  CHECK(atsharpReport("html " + passed).status == 0);
  CHECK(fs::exists(folder.path() / "passed.html"));
  const std::string merged = (folder.path() / "merged.json").string();
  outcome = atsharpReport("merge " + merged + " " + passed + " " + failed);
  CHECK(outcome.status == 1);
  CHECK(contains(outcome.output, "not of one run"));
  outcome = atsharpReport("merge " + merged + " " + passed + " --junit " + (folder.path() / "m.xml").string());
  CHECK(outcome.status == 0);
  CHECK(readReport(merged)["summary"]["passed"] == 1);
  CHECK(fs::file_size(folder.path() / "m.xml") > 0);
}

}  // namespace
}  // namespace atsharp::harness::test
