// The coverage of the spec's rows (suites/coverage/README.md, "What counts as covered"), on a
// small hand-made catalogue and suite: what a passing, failing, skipped, xfail and unselected
// case run does to a row, explained rows, templated ids, and the text and JSON listings.

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <random>

#include "coverage/coverage.hpp"
#include "coverage/coverage_json.hpp"
#include "coverage/coverage_text.hpp"
#include "coverage/parameter_rows.hpp"
#include "report/json_report.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

using Json = nlohmann::json;

const char* kRows = R"(
- {id: "1.2/atq", section: "1.2"}
- {id: "2.4.2/unselected", section: "2.4.2"}
- {id: "2.6.2/vphy", section: "2.6.2"}
- {id: "8.1.2/vversion", section: "8.1.2", uncoverable: ""}
- {id: "8.3.2/vall", section: "8.3.2"}
- {id: "9.1/Ok", section: "9.1"}
- {id: "9.2/34824", section: "9.2", uncoverable: "the flash never fails"}
- {id: "9.2/37122", section: "9.2", uncoverable: "no other application"}
- {id: "9.2/38018", section: "9.2", uncoverable: "stale on purpose"}
)";

const char* kSuite = R"(
spec: "8.1"
cases:
  - id: passes
    spec: [8.1.2/vversion, 9.1/Ok, 9.2/38018]
    steps: [{send: AT}]
  - id: fails
    spec: 8.3.2/vall
    steps: [{send: AT}]
  - id: skipped
    spec: [9.1/Ok, 2.6.2/vphy]
    steps: [{send: AT}]
  - id: marked
    spec: 9.2/34824
    xfail: not on this module
    steps: [{send: AT}]
  - id: each
    spec: 'param/{{name}}/default'
    params: [{name: PPPMODE}, {name: DLEMODE}]
    steps: [{send: AT}]
  - id: unselected
    spec: 2.4.2/unselected
    steps: [{send: AT}]
)";

RowCatalogue catalogue() {
  RowCatalogue rows = specRowsOf(parseYamlDocument(kRows, "rows.yaml"));
  for (const char* name : {"PPPMODE", "DLEMODE", "PINGNUM"}) {
    rows.push_back(CoverageRow{std::string("param/") + name + "/default", "2.1", kParameterChapter,
                               std::nullopt});
  }
  return rows;
}

// The suite, loaded with the catalogue's ids as the known rows, and its case runs.
struct Loaded {
  TempFolder folder;
  LoadedSuites suites;
  std::vector<CaseInstance> cases;
};

std::unique_ptr<Loaded> loaded() {
  auto out = std::make_unique<Loaded>();
  out->folder.write("s.yaml", kSuite);
  std::set<std::string> known;
  for (const CoverageRow& row : catalogue()) known.insert(row.id);
  static const StepRegistry registry = StepRegistry::withBuiltins();
  out->suites = loadSuites({out->folder.path() / "s.yaml"}, registry, suiteSchema(), &known);
  REQUIRE(out->suites.problems.empty());
  out->cases = expandCases(out->suites.suites);
  return out;
}

CaseResult resultOf(const std::string& id, CaseStatus status) {
  CaseResult result;
  result.id = id;
  result.status = status;
  return result;
}

// A run of every case but "unselected".
RunResult run() {
  RunResult result;
  result.cases.push_back(resultOf("s/passes", CaseStatus::Passed));
  CaseResult fails = resultOf("s/fails", CaseStatus::Failed);
  fails.failure = CaseFailure{FailureClass::Mismatch, "unexpected line \"ERROR\"", 1, "case", {}};
  result.cases.push_back(fails);
  CaseResult skipped = resultOf("s/skipped", CaseStatus::Skipped);
  skipped.skipReason = "the target lacks fixtures.ftp";
  result.cases.push_back(skipped);
  CaseResult marked = resultOf("s/marked", CaseStatus::Xfail);
  marked.xfailReason = "not on this module";
  marked.failure = CaseFailure{FailureClass::Mismatch, "unexpected", 1, "case", {}};
  result.cases.push_back(marked);
  result.cases.push_back(resultOf("s/each[name=PPPMODE]", CaseStatus::Passed));
  CaseResult dle = resultOf("s/each[name=DLEMODE]", CaseStatus::Failed);
  dle.failure = CaseFailure{FailureClass::Timeout, "nothing came", 1, "case", {}};
  result.cases.push_back(dle);
  return result;
}

const RowCoverage& rowNamed(const Coverage& coverage, const std::string& id) {
  const auto found = std::find_if(coverage.rows.begin(), coverage.rows.end(),
                                  [&](const RowCoverage& row) { return row.row.id == id; });
  REQUIRE(found != coverage.rows.end());
  return *found;
}

Coverage runCoverage() {
  const auto suites = loaded();
  return computeCoverage(catalogue(), claimsOfRun(suites->cases, run()), CoverageBasis::Run,
                         "rows.yaml");
}

TEST_CASE("coverage - a passing case covers its rows and a failing one does not") {
  const Coverage coverage = runCoverage();
  const RowCoverage& vversion = rowNamed(coverage, "8.1.2/vversion");
  CHECK(vversion.state == RowState::Covered);
  REQUIRE(vversion.cases.size() == 1);
  CHECK(vversion.cases[0].caseId == "s/passes");
  CHECK(vversion.cases[0].status == "passed");
  CHECK(vversion.cases[0].covers);
  CHECK(vversion.cases[0].reason.empty());
  CHECK_FALSE(vversion.row.uncoverable.has_value());  // an empty reason explains nothing

  const RowCoverage& vall = rowNamed(coverage, "8.3.2/vall");
  CHECK(vall.state == RowState::NotCovered);
  REQUIRE(vall.cases.size() == 1);
  CHECK(vall.cases[0].status == "failed");
  CHECK(vall.cases[0].reason == "mismatch");
  CHECK_FALSE(vall.cases[0].covers);
}

TEST_CASE("coverage - a skipped case or one not selected covers nothing") {
  const Coverage coverage = runCoverage();
  const RowCoverage& vphy = rowNamed(coverage, "2.6.2/vphy");
  CHECK(vphy.state == RowState::NotCovered);
  REQUIRE(vphy.cases.size() == 1);
  CHECK(vphy.cases[0].status == "skipped");
  CHECK(vphy.cases[0].reason == "the target lacks fixtures.ftp");

  const RowCoverage& unselected = rowNamed(coverage, "2.4.2/unselected");
  CHECK(unselected.state == RowState::NotCovered);
  REQUIRE(unselected.cases.size() == 1);
  CHECK(unselected.cases[0].caseId == "s/unselected");
  CHECK(unselected.cases[0].status == "not-run");

  // One passing case is enough, whatever the others did.
  const RowCoverage& ok = rowNamed(coverage, "9.1/Ok");
  CHECK(ok.state == RowState::Covered);
  REQUIRE(ok.cases.size() == 2);
  CHECK(ok.cases[0].status == "passed");
  CHECK(ok.cases[1].status == "skipped");
}

TEST_CASE("coverage - an uncoverable row is explained unless a case covers it") {
  const Coverage coverage = runCoverage();
  const RowCoverage& flash = rowNamed(coverage, "9.2/34824");
  CHECK(flash.state == RowState::Explained);
  REQUIRE(flash.cases.size() == 1);
  CHECK(flash.cases[0].status == "xfail");
  CHECK(flash.cases[0].reason == "not on this module");
  const RowCoverage& other = rowNamed(coverage, "9.2/37122");
  CHECK(other.state == RowState::Explained);
  CHECK(other.cases.empty());
  CHECK(*other.row.uncoverable == "no other application");
  const RowCoverage& stale = rowNamed(coverage, "9.2/38018");
  CHECK(stale.state == RowState::Covered);
  CHECK(stale.coveredDespiteReason());
  CHECK(rowNamed(coverage, "1.2/atq").state == RowState::Uncovered);
}

TEST_CASE("coverage - a templated row id names its row in each params run") {
  const Coverage coverage = runCoverage();
  const RowCoverage& pppmode = rowNamed(coverage, "param/PPPMODE/default");
  CHECK(pppmode.state == RowState::Covered);
  REQUIRE(pppmode.cases.size() == 1);
  CHECK(pppmode.cases[0].caseId == "s/each[name=PPPMODE]");
  const RowCoverage& dlemode = rowNamed(coverage, "param/DLEMODE/default");
  CHECK(dlemode.state == RowState::NotCovered);
  REQUIRE(dlemode.cases.size() == 1);
  CHECK(dlemode.cases[0].reason == "timeout");
  CHECK(rowNamed(coverage, "param/PINGNUM/default").state == RowState::Uncovered);
  CHECK(coverage.unknownRows.empty());
}

TEST_CASE("coverage - the chapters and the total count every row once") {
  const Coverage coverage = runCoverage();
  CHECK(coverage.basis == CoverageBasis::Run);
  CHECK(coverage.rowsFile == "rows.yaml");
  CHECK(coverage.rows.size() == 12);
  CHECK(coverage.total.rows == 12);
  CHECK(coverage.total.covered == 4);     // vversion, Ok, 38018, PPPMODE
  CHECK(coverage.total.notCovered == 4);  // unselected, vphy, vall, DLEMODE
  CHECK(coverage.total.uncovered == 2);   // atq, PINGNUM
  CHECK(coverage.total.explained == 2);   // 34824, 37122
  CHECK(coverage.total.gaps() == 6);
  std::vector<std::string> chapters;
  for (const ChapterCoverage& chapter : coverage.chapters) chapters.push_back(chapter.chapter);
  CHECK(chapters == std::vector<std::string>{"1", "2", "8", "9", "param"});
  CHECK(coverage.chapters[3].counts.rows == 4);
  CHECK(coverage.chapters[3].counts.covered == 2);
  CHECK(coverage.chapters[3].counts.explained == 2);
  CHECK(coverage.chapters[4].counts.rows == 3);
}

TEST_CASE("coverage - without a run the suites' claims count but not an xfail mark") {
  const auto suites = loaded();
  const Coverage coverage =
      computeCoverage(catalogue(), claimsOfSuites(suites->cases), CoverageBasis::Claims);
  CHECK(coverage.basis == CoverageBasis::Claims);
  CHECK(rowNamed(coverage, "8.3.2/vall").state == RowState::Covered);
  CHECK(rowNamed(coverage, "8.3.2/vall").cases[0].status == "not-run");
  CHECK(rowNamed(coverage, "param/DLEMODE/default").state == RowState::Covered);
  const RowCoverage& flash = rowNamed(coverage, "9.2/34824");
  CHECK(flash.state == RowState::Explained);
  CHECK(flash.cases[0].status == "xfail");
  CHECK_FALSE(flash.cases[0].covers);
  CHECK(coverage.total.covered == 8);
  CHECK(coverage.total.uncovered == 2);
  CHECK(coverage.total.notCovered == 0);
}

TEST_CASE("coverage - a row id outside the catalogue is listed and never dropped") {
  CaseClaim claim{"s/odd", {"8.1.2/vversion", "7.7.7/nowhere"}, "passed", "", true};
  const Coverage coverage = computeCoverage(catalogue(), {claim}, CoverageBasis::Run);
  CHECK(coverage.unknownRows == std::vector<std::string>{"7.7.7/nowhere"});
  CHECK(rowNamed(coverage, "8.1.2/vversion").state == RowState::Covered);
}

// Random catalogues and claims: every row is counted once, in one state, and its state follows
// from its cases and its reason.
TEST_CASE("coverage - random catalogues and claims keep the counts whole") {
  std::mt19937 random(20261204);
  for (int round = 0; round < 200; ++round) {
    CAPTURE(round);
    RowCatalogue rows;
    const int count = static_cast<int>(random() % 40);
    for (int i = 0; i < count; ++i) {
      const std::string chapter = std::string(1, "129A"[random() % 4]);
      std::optional<std::string> reason;
      if (random() % 4 == 0) reason = "reason " + std::to_string(i);
      rows.push_back(
          CoverageRow{chapter + ".1/r" + std::to_string(i), chapter + ".1", chapter, reason});
    }
    std::vector<CaseClaim> claims;
    const int cases = static_cast<int>(random() % 20);
    for (int c = 0; c < cases; ++c) {
      CaseClaim claim{"s/c" + std::to_string(c), {}, "failed", "mismatch", random() % 3 == 0};
      const int named = static_cast<int>(random() % 5);
      for (int n = 0; n < named; ++n) {
        const int pick = static_cast<int>(random() % (count + 3));  // now and then not a row
        claim.rows.push_back((pick < count ? rows[pick].id : "7.7/unknown" + std::to_string(pick)));
      }
      claims.push_back(claim);
    }
    const Coverage coverage = computeCoverage(rows, claims, CoverageBasis::Run);
    REQUIRE(coverage.rows.size() == rows.size());
    CHECK(coverage.total.rows == count);
    CHECK(coverage.total.covered + coverage.total.notCovered + coverage.total.uncovered +
              coverage.total.explained == count);
    int inChapters = 0;
    for (const ChapterCoverage& chapter : coverage.chapters) inChapters += chapter.counts.rows;
    CHECK(inChapters == count);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const RowCoverage& row = coverage.rows[i];
      CHECK(row.row.id == rows[i].id);
      std::size_t naming = 0;
      bool covered = false;
      for (const CaseClaim& claim : claims) {
        for (const std::string& id : claim.rows) {
          if (id != row.row.id) continue;
          ++naming;
          covered = covered || claim.covers;
        }
      }
      CHECK(row.cases.size() == naming);
      const RowState expected = covered                ? RowState::Covered
                                : rows[i].uncoverable  ? RowState::Explained
                                : naming > 0           ? RowState::NotCovered
                                                       : RowState::Uncovered;
      CHECK(row.state == expected);
    }
    const std::set<std::string> unknown(coverage.unknownRows.begin(), coverage.unknownRows.end());
    CHECK(unknown.size() == coverage.unknownRows.size());
    for (const std::string& id : unknown) CHECK(id.rfind("7.7/unknown", 0) == 0);
    // The text and the JSON take whatever the computation gives.
    CHECK(coverageJson(coverage)["rows"].size() == rows.size());
    CHECK_FALSE(coverageText(coverage, CoverageListing::Full).empty());
  }
}

TEST_CASE("coverage - the rows file is checked") {
  CHECK_THROWS_WITH_AS(specRowsOf(parseYamlDocument("- {section: \"1.2\"}\n", "r.yaml")),
                       "r.yaml:1:3: a row of the spec's rows needs a string \"id\"",
                       DocumentError);
  CHECK_THROWS_WITH_AS(
      specRowsOf(parseYamlDocument("- {id: a/b, section: a}\n- {id: a/b, section: a}\n", "r.yaml")),
      "r.yaml:2:3: the row \"a/b\" is listed twice", DocumentError);
  CHECK_THROWS_WITH_AS(
      specRowsOf(parseYamlDocument("- {id: a/b, section: a, uncoverable: 5}\n", "r.yaml")),
      "r.yaml:1:38: the reason a row is uncoverable is a text", DocumentError);
  CHECK_THROWS_AS(specRowsOf(parseYamlDocument("id: x\n", "r.yaml")), DocumentError);
  const RowCatalogue noReason =
      specRowsOf(parseYamlDocument("- {id: a/b, section: a, uncoverable: null}\n", "r.yaml"));
  CHECK_FALSE(noReason.front().uncoverable.has_value());
  CHECK(chapterOf("A.8.1") == "A");
  CHECK(chapterOf("5") == "5");
  CHECK(chapterOf("2.2.3.2") == "2");
}

TEST_CASE("coverage - the parameters' rows are the catalogue's") {
  const RowCatalogue rows = parameterRows();
  CHECK(rows.size() == 67 * 7);
  std::set<std::string> ids;
  for (const CoverageRow& row : rows) {
    ids.insert(row.id);
    CHECK(row.chapter == kParameterChapter);
  }
  CHECK(ids == parameterRowIds());
  CHECK(rows[0].id == "param/ANSWERMODE/default");
  CHECK(rows[0].section == "2.1.1");
  CHECK(rows[6].id == "param/ANSWERMODE/delflash");
}

TEST_CASE("coverage - the project's rows file loads whole") {
  const RowCatalogue rows =
      loadRowCatalogue(projectRoot() / "suites" / "coverage" / "spec-rows.yaml");
  CHECK(rows.size() == 301 + 67 * 7);
  CHECK(rows[0].id == "1.2/atq-not-allowed");
  const auto explained = std::count_if(rows.begin(), rows.end(), [](const CoverageRow& row) {
    return row.uncoverable.has_value();
  });
  // Every reason the file gives is read: as many as its lines that start one.
  std::ifstream text(projectRoot() / "suites" / "coverage" / "spec-rows.yaml");
  REQUIRE(text);
  long reasons = 0;
  for (std::string line; std::getline(text, line);) reasons += line.starts_with("  uncoverable:");
  CHECK(reasons >= 10);
  CHECK(explained == reasons);
}

TEST_CASE("coverage - the summary text lists what is not covered") {
  const Coverage coverage = runCoverage();
  const std::string text = coverageText(coverage, CoverageListing::Summary);
  CHECK(text ==
        "Coverage of the spec's rows by this run (covered: a case naming the row passed)\n"
        "  chapter    rows  covered  not covered  uncovered  explained\n"
        "  1             1        0            0          1          0\n"
        "  2             2        0            2          0          0\n"
        "  8             2        1            1          0          0\n"
        "  9             4        2            0          0          2\n"
        "  param         3        1            1          1          0\n"
        "  all          12        4            4          2          2\n"
        "\n"
        "Not covered: named only by cases that did not pass (4):\n"
        "  2.4.2/unselected: s/unselected (not-run)\n"
        "  2.6.2/vphy: s/skipped (skipped: the target lacks fixtures.ftp)\n"
        "  8.3.2/vall: s/fails (failed: mismatch)\n"
        "  param/DLEMODE/default: s/each[name=DLEMODE] (failed: timeout)\n"
        "\n"
        "Uncovered: named by no case (2):\n"
        "  1.2/atq\n"
        "  param/PINGNUM: default\n"
        "\n"
        "Explained: uncoverable on the reference module (2):\n"
        "  9.2/34824: the flash never fails\n"
        "    named by s/marked (xfail: not on this module)\n"
        "  9.2/37122: no other application\n"
        "\n"
        "Covered although marked uncoverable (on the reference module the reason is stale) (1):\n"
        "  9.2/38018: s/passes (passed)\n");
}

TEST_CASE("coverage - the full text lists every row with its cases") {
  const Coverage coverage = runCoverage();
  const std::string text = coverageText(coverage, CoverageListing::Full);
  const std::string rows = text.substr(text.find("\nChapter 1\n"));
  CHECK(rows ==
        "\nChapter 1\n"
        "  uncovered   1.2/atq\n"
        "\nChapter 2\n"
        "  not-covered 2.4.2/unselected: s/unselected (not-run)\n"
        "  not-covered 2.6.2/vphy: s/skipped (skipped: the target lacks fixtures.ftp)\n"
        "\nChapter 8\n"
        "  covered     8.1.2/vversion: s/passes (passed)\n"
        "  not-covered 8.3.2/vall: s/fails (failed: mismatch)\n"
        "\nChapter 9\n"
        "  covered     9.1/Ok: s/passes (passed), "
        "s/skipped (skipped: the target lacks fixtures.ftp)\n"
        "  explained   9.2/34824: the flash never fails\n"
        "  explained   9.2/37122: no other application\n"
        "  covered     9.2/38018: s/passes (passed)\n"
        "\nParameters (param/NAME/ASPECT, from the catalogue)\n"
        "  covered     param/PPPMODE/default: s/each[name=PPPMODE] (passed)\n"
        "  not-covered param/DLEMODE/default: s/each[name=DLEMODE] (failed: timeout)\n"
        "  uncovered   param/PINGNUM/default\n");
}

TEST_CASE("coverage - case ids and reasons are masked in the text") {
  Coverage coverage = runCoverage();
  CredentialMask mask;
  mask.addSecret("fixtures.ftp");
  const std::string text = coverageText(coverage, CoverageListing::Summary, &mask);
  CHECK(text.find("fixtures.ftp") == std::string::npos);
  CHECK(text.find("(skipped: the target lacks ****)") != std::string::npos);
}

TEST_CASE("coverage - a run's secrets are masked in case ids and reasons") {
  const auto suites = loaded();
  RunResult result = run();
  result.secrets = {"PPPMODE", "unselected", "fixtures.ftp"};
  const std::vector<CaseClaim> claims = claimsOfRun(suites->cases, result);
  std::vector<std::string> ids;
  for (const CaseClaim& claim : claims) ids.push_back(claim.caseId);
  CHECK(ids == std::vector<std::string>{"s/passes", "s/fails", "s/skipped", "s/marked",
                                        "s/each[name=****]", "s/each[name=DLEMODE]", "s/****"});
  CHECK(claims[2].reason == "the target lacks ****");
  CHECK(claims[4].rows == std::vector<std::string>{"param/PPPMODE/default"});
}

TEST_CASE("coverage - the JSON section holds every row with its state and cases") {
  const Coverage coverage = runCoverage();
  const Json json = coverageJson(coverage);
  CHECK(json["basis"] == "run");
  CHECK(json["rows_file"] == "rows.yaml");
  CHECK(json["summary"] ==
        Json{{"rows", 12}, {"covered", 4}, {"not_covered", 4}, {"uncovered", 2}, {"explained", 2}});
  CHECK(json["chapters"][4] == Json{{"chapter", "param"}, {"rows", 3}, {"covered", 1},
                                    {"not_covered", 1}, {"uncovered", 1}, {"explained", 0}});
  REQUIRE(json["rows"].size() == 12);
  CHECK(json["rows"][2] ==
        Json{{"id", "2.6.2/vphy"}, {"section", "2.6.2"}, {"chapter", "2"}, {"state", "not-covered"},
             {"uncoverable", nullptr},
             {"cases", Json::array({Json{{"id", "s/skipped"}, {"status", "skipped"},
                                         {"reason", "the target lacks fixtures.ftp"},
                                         {"covers", false}}})}});
  CHECK(json["rows"][6]["state"] == "explained");
  CHECK(json["rows"][6]["uncoverable"] == "the flash never fails");
  CHECK(json["rows"][3]["cases"][0]["reason"] == nullptr);
  CHECK(json["unknown_rows"] == Json::array());
}

TEST_CASE("coverage - the JSON report has a coverage section only when asked") {
  const Coverage coverage = runCoverage();
  RunResult result = run();
  result.runId = "r";
  CHECK_FALSE(reportJson(result).contains("coverage"));
  const Json report = reportJson(result, &coverage);
  CHECK(report["coverage"] == coverageJson(coverage));
  TempFolder folder;
  writeCoverageJson(coverage, folder.path() / "sub" / "c.json");
  std::ifstream in(folder.path() / "sub" / "c.json");
  CHECK(Json::parse(in) == coverageJson(coverage));
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
