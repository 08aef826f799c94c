// `atsharp conform` as a user runs it: its options, its exit statuses (0 passed, 1 failed,
// 2 infrastructure or usage), the reports it writes, --check.

#include <doctest/doctest.h>
#include <stdio.h>
#include <sys/wait.h>

#include <array>
#include <fstream>
#include <sstream>

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

const char* kPassing = R"(
spec: "8.1"
tags: [cli]
cases:
  - id: one
    steps:
      - send: AT
      - expect_final: OK
  - id: two
    tags: [second]
    steps:
      - send: AT#VVERSION
      - expect: {regex: '#VERSION: .*'}
      - expect_final: OK
)";

const char* kFailing = R"(
spec: "8.1"
cases:
  - id: wrong
    steps:
      - send: AT
      - expect_final: ERROR
)";

TEST_CASE("a passing run exits 0 and writes both reports") {
  TempFolder folder;
  folder.write("suites/pass.yaml", kPassing);
  const Outcome outcome = conform("--suites " + (folder.path() / "suites").string() + " --report " +
                                  (folder.path() / "out/run.json").string() +
                                  " --run-id cli-run --jobs 2 --time-scale 0.02");
  INFO(outcome.output);
  CHECK(outcome.status == 0);
  CHECK(outcome.output.find("pass  pass/one") != std::string::npos);
  CHECK(outcome.output.find("2 case(s): 2 passed, 0 failed") != std::string::npos);
  const Json report = readJson(folder.path() / "out/run.json");
  CHECK(report["run_id"] == "cli-run");
  CHECK(report["exit_code"] == 0);
  CHECK(report["target"]["time_scale"] == 0.02);
  CHECK(report["selection"]["jobs"] == 2);
  std::ifstream xml(folder.path() / "out/run.xml");
  CHECK(xml.good());
}

TEST_CASE("--address-base gives the run's modules addresses of their own") {
  TempFolder folder;
  folder.write("pass.yaml", kPassing);
  const Outcome outcome = conform("--suites " + (folder.path() / "pass.yaml").string() +
                                  " --report " + (folder.path() / "run.json").string() +
                                  " --jobs 1 --address-base 40");
  INFO(outcome.output);
  REQUIRE(outcome.status == 0);
  const Json report = readJson(folder.path() / "run.json");
  for (const Json& one : report["cases"]) CHECK(one["module"] == "reference module at 127.0.0.40");
}

TEST_CASE("a failing run exits 1") {
  TempFolder folder;
  folder.write("fail.yaml", kFailing);
  const Outcome outcome = conform("--suites " + (folder.path() / "fail.yaml").string() +
                                  " --report " + (folder.path() / "r.json").string() +
                                  " --junit " + (folder.path() / "junit.xml").string());
  INFO(outcome.output);
  CHECK(outcome.status == 1);
  CHECK(outcome.output.find("FAIL  fail/wrong") != std::string::npos);
  CHECK(outcome.output.find("mismatch: unexpected line \"OK\"") != std::string::npos);
  std::ifstream junit(folder.path() / "junit.xml");
  std::stringstream text;
  text << junit.rdbuf();
  CHECK(text.str().find("<failure type=\"mismatch\"") != std::string::npos);
}

TEST_CASE("filters and shards choose the cases") {
  TempFolder folder;
  folder.write("pass.yaml", kPassing);
  const std::string common = "--suites " + (folder.path() / "pass.yaml").string() + " --report " +
                             (folder.path() / "r.json").string();
  CHECK(conform(common + " --filter tag:second").status == 0);
  CHECK(readJson(folder.path() / "r.json")["cases"].size() == 1);
  CHECK(readJson(folder.path() / "r.json")["cases"][0]["case"] == "two");
  CHECK(conform(common + " --filter '!id:two' --filter cli").status == 0);
  CHECK(readJson(folder.path() / "r.json")["cases"][0]["case"] == "one");
  CHECK(conform(common + " --shard 2/2").status == 0);
  const Json sharded = readJson(folder.path() / "r.json");
  CHECK(sharded["cases"].size() == 1);
  CHECK(sharded["selection"]["shard"]["index"] == 2);
}

TEST_CASE("check validates without running") {
  TempFolder folder;
  folder.write("good/pass.yaml", kPassing);
  const Outcome good = conform("--check --suites " + (folder.path() / "good").string());
  CHECK(good.status == 0);
  CHECK(good.output.find("1 suite(s), 2 case(s): valid") != std::string::npos);
  folder.write("bad/broken.yaml", "spec: \"8.1\"\ncases:\n  - id: x\n    steps:\n      - sedn: AT\n");
  const Outcome bad = conform("--check --suites " + (folder.path() / "bad").string());
  CHECK(bad.status == 1);
  CHECK(bad.output.find("broken.yaml:5:9:") != std::string::npos);
}

TEST_CASE("usage and infrastructure errors exit 2") {
  TempFolder folder;
  folder.write("pass.yaml", kPassing);
  const std::string suites = " --suites " + (folder.path() / "pass.yaml").string() + " --report " +
                             (folder.path() / "r.json").string();
  for (const std::string& arguments :
       {std::string("--nonsense"), "--target udp:1.2.3.4:5" + suites, "--shard 3/2" + suites,
        "--jobs 0" + suites, "--suites " + (folder.path() / "missing").string(),
        "--filter tag:" + suites, "--bench " + (folder.path() / "no-bench.yaml").string() + suites,
        "--time-scale 0" + suites, "--address-base 1" + suites, "--address-base 253" + suites,
        "--target tcp:127.0.0.1:1 --address-base 40" + suites}) {
    CAPTURE(arguments);
    const Outcome outcome = conform(arguments);
    INFO(outcome.output);
    CHECK(outcome.status == 2);
  }
  // A target nobody answers on: the run's problem, reported.
  const Outcome unreachable = conform("--target tcp:127.0.0.1:1" + suites);
  CHECK(unreachable.status == 2);
  CHECK(readJson(folder.path() / "r.json")["problems"][0]["kind"] == "target");
  // A suite that does not load: the others still run, and the run says so.
  folder.write("more/broken.yaml", "spec: \"8.1\"\ncases: 3\n");
  folder.write("more/pass.yaml", kPassing);
  const Outcome broken = conform("--suites " + (folder.path() / "more").string() + " --report " +
                                 (folder.path() / "r.json").string());
  CHECK(broken.status == 2);
  const Json report = readJson(folder.path() / "r.json");
  CHECK(report["summary"]["passed"] == 2);
  CHECK(report["problems"][0]["kind"] == "suite");
}

TEST_CASE("help names every option") {
  const Outcome help = conform("--help");
  CHECK(help.status == 0);
  for (const char* option : {"--target", "--suites", "--report", "--junit", "--filter", "--shard",
                             "--run-id", "--jobs", "--check", "--bench", "--time-scale",
                             "--address-base"}) {
    CAPTURE(option);
    CHECK(help.output.find(option) != std::string::npos);
  }
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
