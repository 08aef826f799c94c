// The schemas cross-checked: each is a valid Draft 2020-12 schema for python3-jsonschema, and
// both validators (python3-jsonschema and the harness's own) give the same verdict on the same
// documents: every suite of the project, every step kind's good and bad forms, benches,
// reports.

#include <doctest/doctest.h>
#include <stdio.h>

#include <array>
#include <fstream>
#include <sstream>

#include "coverage/coverage.hpp"
#include "document/yaml_document.hpp"
#include "reference/reference_options.hpp"
#include "report/json_report.hpp"
#include "schema/embedded_schemas.hpp"
#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

using Json = nlohmann::json;
namespace fs = std::filesystem;

struct Document {
  std::string name;
  Json json;
  bool valid;  ///< the verdict both validators must give
};

// python3-jsonschema's verdicts, one per document.
std::vector<std::string> pythonVerdicts(const fs::path& schema, const std::vector<Document>& documents) {
  TempFolder folder;
  std::string command = std::string(ATSHARP_PYTHON3) + " " +
                        (projectRoot() / "harness" / "tests" / "schemas" / "schema_check.py").string() +
                        " " + schema.string();
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const fs::path file = folder.write("d" + std::to_string(i) + ".json", documents[i].json.dump());
    command += " " + file.string();
  }
  command += " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  std::array<char, 4096> buffer{};
  std::size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), got);
  const int status = ::pclose(pipe);
  INFO("python3 said: " << output);
  REQUIRE(status == 0);
  std::vector<std::string> verdicts;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) verdicts.push_back(line);
  return verdicts;
}

void crossCheck(const fs::path& schemaFile, const std::vector<Document>& documents) {
  std::ifstream in(schemaFile);
  const JsonSchema ours(Json::parse(in));
  const std::vector<std::string> theirs = pythonVerdicts(schemaFile, documents);
  REQUIRE(theirs.size() == documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    CAPTURE(documents[i].name);
    const auto problems = ours.validate(documents[i].json);
    std::string said;
    for (const auto& problem : problems) said += problem.pointer + ": " + problem.message + "\n";
    CHECK_MESSAGE(problems.empty() == documents[i].valid, said);
    CHECK(theirs[i] == (documents[i].valid ? "valid" : "invalid"));
  }
}

Json yaml(const std::string& text) { return parseYamlDocument(text, "inline.yaml").root; }

Json suiteWithStep(const std::string& step) {
  return yaml("spec: \"8.1\"\ncases:\n  - id: a\n    steps:\n      - " + step + "\n");
}

TEST_CASE("the suite schema and the project's suites") {
  std::vector<Document> documents;
  for (const auto& entry : fs::recursive_directory_iterator(projectRoot() / "suites")) {
    if (entry.path().extension() != ".yaml" ||
        entry.path().string().find("/coverage/") != std::string::npos) {
      continue;
    }
    documents.push_back({entry.path().string(), loadYamlDocument(entry.path(), "s").root, true});
  }
  const std::vector<std::pair<std::string, bool>> steps{
      {"send: AT", true},
      {"send: {line: AT, echo: false, ending: \"\\r\"}", true},
      {"send: {hex: \"41 54 0d\", echo: \"AT\\r\"}", true},
      {"send: {line: AT, text: x}", false},
      {"send: 5.5", false},
      {"expect: OK", true},
      {"expect: 0", true},
      {"expect: {regex: 'O.'}", true},
      {"expect: {any_of: [OK, {regex: 'E.*'}]}", true},
      {"expect: {any_of: []}", false},
      {"expect: {regx: 'O.'}", false},
      {"expect_final: '#CME ERROR: 34882'", true},
      {"expect_all: [OK, RING]", true},
      {"expect_all: []", false},
      {"forbid: RING\n        for: 5", true},
      {"forbid: RING", false},
      {"capture: {regex: '(.*)', into: x}", true},
      {"capture: {regex: '(.*)'}", false},
      {"send_data: {generate: {size: 10, seed: 1}, coding: dle}", true},
      {"send_data: {generate: {size: 10}}", false},
      {"expect_data: {size: 3, sha256: " + std::string(64, 'a') + ", end: true}", true},
      {"expect_data: {counting: {size: 3}, compare: fuzzy}", false},
      {"close: {}", true},
      {"close: 3", false},
      {"wait: 5", true},
      {"wait: 5 minutes", false},
      {"quiet: \"300ms real\"", true},
      {"inject: {event: ring, caller: \"0612345678\", rings: 2}", true},
      {"inject: {event: ring, rigns: 2}", false},
      {"inject: {event: explode}", false},
      {"call: attach", true},
      {"call: {block: attach, with: {apn: x}}", true},
      {"fail_on: ERROR", true},
      {"send: AT\n        fail_on: ERROR\n        mark: m", true},
      {"expect: OK\n        after: {mark: m}", false},
      {"send: AT\n        expect: OK", false},
  };
  for (const auto& [step, valid] : steps) documents.push_back({step, suiteWithStep(step), valid});
  documents.push_back({"a library", yaml("blocks:\n  b:\n    - send: AT\n"), true});
  documents.push_back({"no cases", yaml("spec: \"8.1\"\n"), false});
  documents.push_back({"row ids", yaml("spec: \"8.1\"\ncases:\n  - id: a\n    spec: [8.1.2/vversion]\n"
                                       "    steps: [{send: AT}]\n"), true});
  documents.push_back({"a bad row id", yaml("spec: \"8.1\"\ncases:\n  - id: a\n    spec: 8.1.2\n"
                                            "    steps: [{send: AT}]\n"), false});
  documents.push_back({"a bad case id", yaml("spec: \"8.1\"\ncases:\n  - id: \"a b\"\n"
                                             "    steps: [{send: AT}]\n"), false});
  TempFolder folder;
  crossCheck(folder.write("schema.json", std::string(suiteSchemaText())), documents);
}

TEST_CASE("the bench schema") {
  TempFolder folder;
  crossCheck(folder.write("bench.json", std::string(benchSchemaText())),
             {{"minimal", yaml("target: serial:/dev/ttyUSB0\n"), true},
              {"full", yaml("name: b\ntarget: tcp:10.0.0.1:2001\ntime_scale: 1\ntimeout_margin: 5\n"
                            "echo: true\nreaches_loopback: false\ncapabilities: [radio-control]\n"
                            "control: /tmp/m.ctl\napn: {name: x, password: {env: APN_PW}}\n"
                            "credentials: {ftp: {user: u, password: p}}\n"
                            "fixtures: {ftp: {host: h, port: 21}}\nmodule: {ip: 10.0.0.2}\n"
                            "hooks: {power_cycle: relay 1, reset: relay 2}\n"
                            "reset: {commands: [AT+CFUN=1], settle: 5s real}\nvars: {a: 1}\n"),
               true},
              {"ref is no bench target", yaml("target: ref\n"), false},
              {"no target", yaml("name: b\n"), false},
              {"an unknown service", yaml("target: tcp:h:1\nfixtures: {gopher: {host: h}}\n"), false},
              {"a bad env name", yaml("target: tcp:h:1\nvars: {a: {env: \"1x\"}}\n"), false}});
}

TEST_CASE("the report schema and real reports") {
  TempFolder folder;
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(300)));
  const RunResult result = runSuiteText(R"(
spec: "8.1"
cases:
  - id: passes
    spec: 8.1.2/vversion
    steps:
      - send: AT#VVERSION
      - expect: {regex: '#VERSION: .*'}
      - expect_final: OK
  - id: fails
    xfail: a sample of xfail
    steps:
      - send: AT
      - expect_final: ERROR
  - id: skipped
    requires: [fixtures.ftp]
    steps:
      - send: AT
)", target, folder);
  const Json report = reportJson(result);
  Json missing = report;
  missing.erase("run_id");
  Json badStatus = report;
  badStatus["cases"][0]["status"] = "great";
  Json badEntry = report;
  badEntry["cases"][0]["transcript"][0]["dir"] = "sideways";
  Json extraKey = report;
  extraKey["cases"][0]["steps"][0]["colour"] = "blue";
  crossCheck(projectRoot() / "reports" / "schema.json",
             {{"a run", report, true},
              {"no run_id", missing, false},
              {"a bad status", badStatus, false},
              {"a bad direction", badEntry, false},
              {"an unknown key", extraKey, false}});
}

TEST_CASE("the report schema and a report with coverage") {
  TempFolder folder;
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(300)));
  const LoadedSuites loaded = load({folder.write("suite.yaml", R"(
spec: "8.1"
cases:
  - id: passes
    spec: [8.1.2/vversion, 'param/{{name}}/default']
    params: [{name: PPPMODE}]
    steps:
      - send: AT#VVERSION
      - expect: {regex: '#VERSION: .*'}
      - expect_final: OK
  - id: skipped
    spec: 9.2/34824
    requires: [fixtures.ftp]
    steps:
      - send: AT
)")});
  REQUIRE(loaded.problems.empty());
  RunOptions options;
  options.runId = "coverage";
  const RunResult result = harness::runSuites(loaded, target, options);
  const Coverage coverage = computeCoverage(
      loadRowCatalogue(projectRoot() / "suites" / "coverage" / "spec-rows.yaml"),
      claimsOfRun(expandCases(loaded.suites), result), CoverageBasis::Run, "spec-rows.yaml");
  const Json report = reportJson(result, &coverage);
  REQUIRE(report.contains("coverage"));
  Json badState = report;
  badState["coverage"]["rows"][0]["state"] = "half-covered";
  Json badStatus = report;
  badStatus["coverage"]["rows"][0]["cases"] = Json::array({Json{
      {"id", "x"}, {"status", "great"}, {"reason", nullptr}, {"covers", false}}});
  Json noChapter = report;
  noChapter["coverage"]["chapters"][0].erase("chapter");
  Json extraKey = report;
  extraKey["coverage"]["summary"]["colour"] = "blue";
  Json missing = report;
  missing["coverage"].erase("rows");
  crossCheck(projectRoot() / "reports" / "schema.json",
             {{"a run with coverage", report, true},
              {"a bad row state", badState, false},
              {"a bad case status", badStatus, false},
              {"a chapter without its name", noChapter, false},
              {"an unknown key in the summary", extraKey, false},
              {"coverage without rows", missing, false}});
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
