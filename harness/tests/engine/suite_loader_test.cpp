// What --check finds in a suite: every problem with its file and line.

#include <doctest/doctest.h>

#include "support/suite_files.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

std::vector<std::string> problemsOf(const std::string& yaml) {
  TempFolder folder;
  folder.write("s.yaml", yaml);
  std::vector<std::string> out;
  for (const SuiteError& problem : load({folder.path()}).problems) {
    out.push_back(std::to_string(problem.where().line) + ": " + problem.problem());
  }
  return out;
}

const char* kHead = "spec: \"8.1\"\ncases:\n  - id: one\n    steps:\n";

TEST_CASE("a valid suite loads with its steps and locations") {
  TempFolder folder;
  folder.write("s.yaml", std::string(kHead) + "      - send: AT\n      - expect_final: OK\n");
  const LoadedSuites loaded = load({folder.path()});
  REQUIRE(loaded.problems.empty());
  REQUIRE(loaded.suites.size() == 1);
  const Suite& suite = loaded.suites.front();
  CHECK(suite.name == "s");
  REQUIRE(suite.cases.size() == 1);
  REQUIRE(suite.cases[0].steps.size() == 2);
  CHECK(suite.cases[0].steps[1]->kind() == "expect_final");
  CHECK(suite.cases[0].steps[1]->common().source.line == 6);
  CHECK(suite.cases[0].steps[1]->common().source.column == 9);
}

TEST_CASE("schema problems name the key and line") {
  CHECK(problemsOf(std::string(kHead) + "      - send: AT\n        timeot: 5\n") ==
        std::vector<std::string>{"6: /cases/0/steps/0/timeot: unknown key \"timeot\" (expected one "
                                 "of fail_on, ignore, mark, note, send, timeout)"});
  // The message lists every form the schema allows, in its order: the core steps first, then
  // the fixtures' (the whole list grows with the step kinds; its ends are pinned here).
  const std::vector<std::string> unknown = problemsOf(std::string(kHead) + "      - sned: AT\n");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].starts_with("5: /cases/0/steps/0: matches none of the allowed forms: "
                               "send: a command line, or bytes; expect: a line; expect_final: the "
                               "final result; expect_all: lines in any order; forbid: lines that "
                               "must not come during a window (for); capture: regex groups into "
                               "variables; send_data: payload in data mode; expect_data: payload "
                               "from the module, and its ETX; close: the host's ETX; wait: a "
                               "duration; quiet: until the line is silent; inject: a radio event; "
                               "call: a block; fail_on: lines that fail any later step of the case"
                               "; ftp_fault: the FTP fixture's faults from now on ({} clears them)"));
  CHECK(unknown[0].find("; udp_expect_datagram: the next datagram a UDP peer received") !=
        std::string::npos);
  CHECK(unknown[0].find("sned") == std::string::npos);
  CHECK(problemsOf("cases: []\n").size() >= 1);
}

TEST_CASE("a block that does not exist or calls itself") {
  CHECK(problemsOf(std::string(kHead) + "      - call: nowhere\n") ==
        std::vector<std::string>{"5: no block \"nowhere\" (define it under blocks, or import the "
                                 "file that does)"});
  const auto loop = problemsOf(std::string("spec: \"8.1\"\nblocks:\n  a:\n    - call: b\n  b:\n"
                                           "    - call: a\n") +
                               "cases:\n  - id: one\n    steps:\n      - call: a\n");
  REQUIRE_FALSE(loop.empty());
  CHECK(loop.front().find("calls itself") != std::string::npos);
}

TEST_CASE("variables used but never defined") {
  CHECK(problemsOf(std::string(kHead) + "      - send: AT#TCPPORT=1,{{port}}\n") ==
        std::vector<std::string>{"3: the variable \"port\" is used but never defined (vars, params, "
                                 "capture, or a built-in)"});
  // Defined by vars, params, a capture, a block's arguments, a built-in or the bench.
  CHECK(problemsOf(std::string("spec: \"8.1\"\nvars: {a: 1}\nblocks:\n  b:\n    - send: '{{arg}}'\n") +
                   "cases:\n  - id: one\n    params: [{p: 1}]\n    steps:\n"
                   "      - send: '{{a}}{{p}}{{module_ip}}{{bench.apn.name}}'\n"
                   "      - capture: {regex: '(.*)', into: c}\n"
                   "      - send: '{{c}}'\n"
                   "      - call: {block: b, with: {arg: x}}\n")
            .empty());
}

TEST_CASE("duplicate ids and unknown capabilities and rows and scenario keys") {
  CHECK(problemsOf("spec: \"8.1\"\ncases:\n  - id: a\n    steps: [{send: AT}]\n"
                   "  - id: a\n    steps: [{send: AT}]\n") ==
        std::vector<std::string>{"5: case id \"a\" is used twice"});
  CHECK(problemsOf("spec: \"8.1\"\nrequires: [teleportation]\ncases:\n  - id: a\n"
                   "    steps: [{send: AT}]\n") ==
        std::vector<std::string>{"4: unknown capability \"teleportation\""});
  CHECK(problemsOf("spec: \"8.1\"\ncases:\n  - id: a\n    spec: 8.1.2/nonsense\n"
                   "    steps: [{send: AT}]\n") ==
        std::vector<std::string>{"4: no row \"8.1.2/nonsense\" in the spec's rows "
                                 "(suites/coverage/spec-rows.yaml, or param/NAME/ASPECT of a "
                                 "catalogue parameter)"});
  const auto scenario = problemsOf("spec: \"8.1\"\nscenario: {sim: {pn: 1}}\ncases:\n  - id: a\n"
                                   "    steps: [{send: AT}]\n");
  REQUIRE(scenario.size() == 1);
  CHECK(scenario.front().find("the scenario:") != std::string::npos);
  CHECK(scenario.front().find("pn") != std::string::npos);
}

TEST_CASE("row ids with variables name a row in each run of the case") {
  // The parameters' rows come from the catalogue: param/NAME/ASPECT.
  CHECK(problemsOf("spec: \"2.1\"\ncases:\n  - id: a\n    spec: param/PPPMODE/default\n"
                   "    steps: [{send: AT}]\n")
            .empty());
  CHECK(problemsOf("spec: \"2.1\"\ncases:\n  - id: a\n    spec: param/PPPMODE/colour\n"
                   "    steps: [{send: AT}]\n")
            .size() == 1);
  CHECK(problemsOf("spec: \"2.1\"\ncases:\n  - id: a\n    spec: 'param/{{name}}/default'\n"
                   "    params: [{name: PPPMODE}, {name: GPRSMODE}]\n"
                   "    steps: [{send: 'AT#{{name}}?'}]\n")
            .empty());
  CHECK(problemsOf("spec: \"2.1\"\ncases:\n  - id: a\n    spec: 'param/{{name}}/default'\n"
                   "    params: [{name: PPPMODE}, {name: NOSUCH}]\n"
                   "    steps: [{send: 'AT#{{name}}?'}]\n") ==
        std::vector<std::string>{"4: no row \"param/NOSUCH/default\" in the spec's rows "
                                 "(suites/coverage/spec-rows.yaml, or param/NAME/ASPECT of a "
                                 "catalogue parameter)"});
}

TEST_CASE("step values the schema lets pass but a step cannot take") {
  CHECK(problemsOf(std::string(kHead) + "      - expect: {regex: '('}\n").size() == 1);
  CHECK(problemsOf(std::string(kHead) + "      - capture: {regex: 'a', into: [x]}\n") ==
        std::vector<std::string>{"5: capture: the regex has 0 group(s) for 1 variable(s)"});
  CHECK(problemsOf(std::string(kHead) + "      - send: \"\\u20ac\"\n").size() == 1);
  CHECK(problemsOf(std::string(kHead) + "      - send: '{{'\n").size() == 1);
}

TEST_CASE("blocks come from imported files") {
  TempFolder folder;
  folder.write("lib/common.yaml", "blocks:\n  hello:\n    - send: AT\n    - expect_final: OK\n");
  folder.write("s.yaml", "spec: \"8.1\"\nimport: [lib/common.yaml]\ncases:\n  - id: a\n"
                         "    steps: [{call: hello}]\n");
  const LoadedSuites loaded = load({folder.path()});
  CHECK(loaded.problems.empty());
  REQUIRE(loaded.suites.size() == 1);  // the library is no suite
  CHECK(loaded.suites[0].blocks->count("hello") == 1);
  folder.write("t.yaml", "spec: \"8.1\"\nimport: [t.yaml]\ncases:\n  - id: a\n    steps: [{send: AT}]\n");
  const auto again = load({folder.path() / "t.yaml"});
  REQUIRE(again.problems.size() == 1);
  CHECK(again.problems[0].problem().find("imports itself") != std::string::npos);
}

TEST_CASE("a file that is not YAML") {
  const auto problems = problemsOf("cases: [\n");
  REQUIRE(problems.size() == 1);
}

TEST_CASE("the spec rows folder is not read as suites") {
  TempFolder folder;
  folder.write("coverage/spec-rows.yaml", "- id: \"1.2/x\"\n");
  folder.write("s.yaml", std::string(kHead) + "      - send: AT\n");
  const LoadedSuites loaded = load({folder.path()});
  CHECK(loaded.problems.empty());
  CHECK(loaded.files.size() == 1);
}

TEST_CASE("the project's suites are valid") {
  const LoadedSuites loaded = load({projectRoot() / "suites"});
  for (const SuiteError& problem : loaded.problems) FAIL_CHECK(problem.what());
  CHECK(loaded.suites.size() >= 4);
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
