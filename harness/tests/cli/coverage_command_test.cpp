// `atsharp conform --coverage` as a user runs it: on the sample suites of suites/harness, with
// and without a run, the JSON it writes, --require-coverage and the exit statuses.

#include <doctest/doctest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <array>
#include <fstream>

#include "support/command_outcome.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

using Json = nlohmann::json;
namespace fs = std::filesystem;

Outcome conform(const std::string& arguments) {
  return runCommand(std::string(ATSHARP_CLI) + " conform " + arguments);
}

std::string samples() { return (projectRoot() / "suites" / "harness").string(); }

const Json& rowOf(const Json& coverage, const std::string& id) {
  for (const Json& row : coverage["rows"]) {
    if (row["id"] == id) return row;
  }
  FAIL("no row " << id);
  return coverage;
}

// The counts add up, and the rows are the project's 301 and the parameters' 469.
void checkCounts(const Json& coverage) {
  const Json& summary = coverage["summary"];
  CHECK(summary["rows"] == 770);
  CHECK(coverage["rows"].size() == 770);
  CHECK(summary["covered"].get<int>() + summary["not_covered"].get<int>() +
            summary["uncovered"].get<int>() + summary["explained"].get<int>() ==
        770);
  int chapters = 0;
  for (const Json& chapter : coverage["chapters"]) chapters += chapter["rows"].get<int>();
  CHECK(chapters == 770);
  CHECK(coverage["chapters"].back()["chapter"] == "param");
  CHECK(coverage["chapters"].back()["rows"] == 469);
}

// The rows of the project's spec-rows.yaml that carry an `uncoverable` reason.
int uncoverableRows() {
  std::ifstream rows(projectRoot() / "suites/coverage/spec-rows.yaml");
  REQUIRE(rows);
  int count = 0;
  for (std::string line; std::getline(rows, line);) count += line.starts_with("  uncoverable:");
  return count;
}

TEST_CASE("conform coverage - check lists what the sample suites claim") {
  TempFolder folder;
  const fs::path file = folder.path() / "claims.json";
  const Outcome outcome =
      conform("--check --coverage --coverage-report " + file.string() + " --suites " + samples());
  INFO(outcome.output);
  CHECK(outcome.status == 0);
  CHECK(outcome.output.find("Coverage the suites claim, nothing run (covered: a case not marked "
                            "xfail names the row)\n  chapter    rows  covered  not covered  "
                            "uncovered  explained\n  1             2        0            0"
                            "          2          0\n") != std::string::npos);
  CHECK(outcome.output.find("\nUncovered: named by no case (") != std::string::npos);
  CHECK(outcome.output.find("\n  1.2/atq-not-allowed\n") != std::string::npos);
  CHECK(outcome.output.find("\n  param/ANSWERMODE: default, set, illegal, display, vall, "
                            "persistence, delflash\n") != std::string::npos);
  // As many explained rows as spec-rows.yaml has rows with a reason (the samples cover none).
  const std::string explained = "\nExplained: uncoverable on the reference module (" +
                                std::to_string(uncoverableRows()) + "):\n";
  CHECK(outcome.output.find(explained) != std::string::npos);
  CHECK(outcome.output.find("\n  9.1/Connect1200_75: The reference module") != std::string::npos);
  const Json coverage = readJson(file);
  CHECK(coverage["basis"] == "claims");
  CHECK(coverage["rows_file"].get<std::string>().find("spec-rows.yaml") != std::string::npos);
  checkCounts(coverage);
  const Json& vversion = rowOf(coverage, "8.1.2/vversion");
  CHECK(vversion["state"] == "covered");
  CHECK(vversion["cases"] == Json::array({Json{{"id", "commands/vversion-names-the-software"},
                                               {"status", "not-run"},
                                               {"reason", nullptr},
                                               {"covers", true}}}));
  CHECK(rowOf(coverage, "9.2/34824")["state"] == "explained");
  CHECK(rowOf(coverage, "1.2/atq-not-allowed")["state"] == "uncovered");
}

TEST_CASE("conform coverage - a run of the sample suites lists every row") {
  TempFolder folder;
  const fs::path report = folder.path() / "run.json";
  const fs::path file = folder.path() / "coverage.json";
  const Outcome outcome = conform("--coverage=full --coverage-report " + file.string() +
                                  " --report " + report.string() + " --run-id cov --suites " +
                                  samples() + " --quiet");
  INFO(outcome.output);
  CHECK(outcome.status == 0);  // gaps do not fail a run without --require-coverage
  CHECK(outcome.output.find("Coverage of the spec's rows by this run (covered: a case naming the "
                            "row passed)\n") != std::string::npos);
  CHECK(outcome.output.find("\nChapter 8\n") != std::string::npos);
  CHECK(outcome.output.find("\n  covered     8.1.2/vversion: commands/vversion-names-the-software "
                            "(passed)\n") != std::string::npos);
  CHECK(outcome.output.find("\n  uncovered   1.2/atq-not-allowed\n") != std::string::npos);
  CHECK(outcome.output.find("\n  explained   9.2/34824: ") != std::string::npos);
  CHECK(outcome.output.find("\n  uncovered   param/ANSWERMODE/default\n") != std::string::npos);
  CHECK(outcome.output.find("coverage report: " + file.string() + "\n") != std::string::npos);
  const Json run = readJson(report);
  REQUIRE(run.contains("coverage"));
  CHECK(run["coverage"] == readJson(file));
  CHECK(run["coverage"]["basis"] == "run");
  checkCounts(run["coverage"]);
  CHECK(rowOf(run["coverage"], "8.1.2/vversion")["cases"][0]["status"] == "passed");
}

TEST_CASE("conform coverage - a run without the option writes no coverage") {
  TempFolder folder;
  const fs::path report = folder.path() / "run.json";
  const Outcome outcome = conform("--report " + report.string() + " --suites " + samples() +
                                  " --filter id:vversion-names-the-software --quiet");
  INFO(outcome.output);
  CHECK(outcome.status == 0);
  CHECK(outcome.output.find("Coverage") == std::string::npos);
  CHECK_FALSE(readJson(report).contains("coverage"));
}

TEST_CASE("conform coverage - require-coverage fails a passing run with gaps") {
  TempFolder folder;
  const fs::path report = folder.path() / "run.json";
  const Outcome outcome =
      conform("--require-coverage --report " + report.string() + " --suites " + samples() +
              " --filter id:vversion-names-the-software --quiet");
  INFO(outcome.output);
  CHECK(outcome.status == 1);
  CHECK(outcome.output.find("1 case(s): 1 passed, 0 failed") != std::string::npos);
  CHECK(outcome.output.find(" row(s) neither covered nor explained (--require-coverage)\n") !=
        std::string::npos);
  const Json coverage = readJson(report)["coverage"];
  CHECK(rowOf(coverage, "8.1.2/vversion")["state"] == "covered");
  // A case the filter left out names its rows without covering them.
  const Json& unknownCommand = rowOf(coverage, "9.2/34817");
  CHECK(unknownCommand["state"] == "not-covered");
  CHECK(unknownCommand["cases"][0] == Json{{"id", "commands/unknown-command"},
                                           {"status", "not-run"},
                                           {"reason", nullptr},
                                           {"covers", false}});
}

TEST_CASE("conform coverage - a failing case covers nothing and the run still exits 1") {
  TempFolder folder;
  folder.write("fail.yaml", R"(
spec: "8.1"
cases:
  - id: wrong
    spec: 8.1.2/vversion
    steps:
      - send: AT
      - expect_final: ERROR
)");
  const fs::path report = folder.path() / "run.json";
  const Outcome outcome = conform("--coverage --require-coverage --report " + report.string() +
                                  " --suites " + (folder.path() / "fail.yaml").string());
  INFO(outcome.output);
  CHECK(outcome.status == 1);
  CHECK(outcome.output.find("\nNot covered: named only by cases that did not pass (1):\n"
                            "  8.1.2/vversion: fail/wrong (failed: mismatch)\n") !=
        std::string::npos);
  CHECK(rowOf(readJson(report)["coverage"], "8.1.2/vversion")["state"] == "not-covered");
}

TEST_CASE("conform coverage - an unknown row id is refused by check") {
  TempFolder folder;
  folder.write("odd.yaml", "spec: \"8.1\"\ncases:\n  - id: a\n    spec: [8.1.2/vversion, "
                           "8.1.2/nonsense]\n    steps: [{send: AT}]\n");
  const Outcome outcome =
      conform("--check --coverage --suites " + (folder.path() / "odd.yaml").string());
  INFO(outcome.output);
  CHECK(outcome.status == 1);
  CHECK(outcome.output.find("no row \"8.1.2/nonsense\" in the spec's rows") != std::string::npos);
  CHECK(outcome.output.find("Coverage") == std::string::npos);
}

TEST_CASE("conform coverage - a listing it does not know is a usage error") {
  const Outcome outcome = conform("--check --coverage=partial --suites " + samples());
  CHECK(outcome.status == 2);
  CHECK(outcome.output.find("--coverage takes summary or full, not \"partial\"") !=
        std::string::npos);
}

TEST_CASE("conform coverage - help names the coverage options") {
  const Outcome help = conform("--help");
  CHECK(help.status == 0);
  for (const char* option : {"--coverage", "--coverage-report", "--require-coverage"}) {
    CAPTURE(option);
    CHECK(help.output.find(option) != std::string::npos);
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
