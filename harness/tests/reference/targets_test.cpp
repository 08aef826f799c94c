// The targets: a module on a serial line (the reference module's pseudo-terminal), on a
// serial-over-TCP bridge (its TCP port), described by a bench file with its control channel;
// and services (fixtures) plugging into the engine.

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "atsharp/fixtures/isolated_network.hpp"
#include "atsharp/reference/emulator.hpp"
#include "reference_options.hpp"
#include "report/json_report.hpp"
#include "schema/embedded_schemas.hpp"
#include "steps/line_wait.hpp"
#include "support/suite_files.hpp"
#include "targets/bench.hpp"
#include "targets/line_target.hpp"

namespace atsharp::harness::test {
namespace {

TEST_SUITE_BEGIN("harness");

using Json = nlohmann::json;

const JsonSchema& benchSchema() {
  static const JsonSchema schema(Json::parse(benchSchemaText()));
  return schema;
}

// A reference module on a pty (and a control socket), as `atsharp emulate` runs one.
struct EmulatedBench {
  TempFolder folder;
  std::unique_ptr<reference::Emulator> emulator;
  std::string address = "127.0.0." + std::to_string(referenceOptions().addressBase);

  EmulatedBench() {
    reference::EmulatorOptions options;
    options.ptyLink = folder.path() / "modem";
    options.controlSocket = folder.path() / "modem.ctl";
    options.listen = "127.0.0.1:0";
    options.timeScale = 0.01;
    options.scenario.gprs.address = address;
    emulator = std::make_unique<reference::Emulator>(options);
    emulator->start();
  }
  ~EmulatedBench() { emulator->stop(); }

  std::filesystem::path benchFile(const std::string& extra = "") const {
    return folder.write("bench.yaml",
                        "name: emulated\ntarget: serial:" + (folder.path() / "modem").string() +
                            "\ncontrol: " + (folder.path() / "modem.ctl").string() +
                            "\ntime_scale: 0.01\ntimeout_margin: 3\n"
                            "reset: {settle: 10ms real}\nmodule: {ip: " + address + "}\n" + extra);
  }
};

RunResult runOn(Target& target, const std::string& suite) {
  return runSuites({projectRoot() / "suites" / "harness" / (suite + ".yaml")}, target);
}

void checkAllPassed(const RunResult& result) {
  for (const CaseResult& one : result.cases) {
    CAPTURE(one.id);
    CHECK(one.status == CaseStatus::Passed);
    if (one.failure) FAIL_CHECK(one.failure->message);
  }
}

// A ping nobody answers and a module without ICMP permission need a network of the module's
// own (root): the reference target offers both exactly where it can make one.
TEST_CASE("the reference target runs silent-network and no-icmp-permission cases in networks of their own") {
  ReferenceTarget target(referenceOptions(std::chrono::milliseconds(1000)));
  const bool offered = fixtures::IsolatedNetwork::available();
  CHECK(target.capabilities().contains("silent-network") == offered);
  CHECK(target.capabilities().contains("no-icmp-permission") == offered);
  if (!offered) return;
  TempFolder folder;
  // The samples' GPRS blocks (attach-gprs, connect-gprs), beside the suite that imports them.
  std::ifstream blocks(projectRoot() / "suites" / "harness" / "gprs.yaml");
  folder.write("gprs.yaml", std::string(std::istreambuf_iterator<char>(blocks), {}));
  const RunResult result = runSuiteText(R"(
spec: "7.2"
import: [gprs.yaml]
blocks:
  ping-own-address:
    - call: connect-gprs
    - send: AT#PINGREMOTE="{{module_ip}}"
    - expect_final: OK
    - send: AT#PINGNUM=1
    - expect_final: OK
    - send: AT#PING
cases:
  - id: unanswered
    requires: [silent-network]
    steps:
      - call: ping-own-address
      - expect: 'No answer from "{{module_ip}}"'
      - expect_final: OK
  - id: no-icmp-socket
    requires: [no-icmp-permission]
    steps:
      - call: ping-own-address
      - expect_final: "#CME ERROR: 36872"
  - id: answered-outside
    steps:
      - call: ping-own-address
      - expect: {regex: '"{{module_ip}}" is alive : time =  [0-9]+ ms'}
      - expect_final: OK
)", target, folder);
  REQUIRE(result.cases.size() == 3);
  checkAllPassed(result);
}

TEST_CASE("a serial target reset between cases passes the samples") {
  EmulatedBench bench;
  const Bench described = loadBench(bench.benchFile(), "bench.yaml", benchSchema());
  LineTarget target(described.target, described);
  CHECK(target.capabilities().count("radio-control") == 1);
  CHECK(target.capabilities().count("time-scale") == 1);
  const RunResult result = runOn(target, "unsolicited");
  REQUIRE(result.cases.size() >= 5);
  checkAllPassed(result);
  REQUIRE(result.identity);
  CHECK(result.identity->software == "eDsoft-W302_V03.00");
  CHECK(result.targetUrl == "serial:" + (bench.folder.path() / "modem").string() + "?baud=115200");
  // The reset went by in the transcript: AT#DELFLASH, AT+CFUN=1.
  bool reset = false;
  for (const TranscriptEntry& entry : result.cases.front().transcript) {
    reset = reset || (entry.kind == EntryKind::Note && entry.text == "reset: AT+CFUN=1");
  }
  CHECK(reset);
}

TEST_CASE("a TCP bridge target passes the samples that need nothing more") {
  EmulatedBench bench;
  // No control channel: the cases that inject radio events are skipped. The bench knows the
  // module's address, which the GPRS cases expect.
  Bench described;
  described.target = "tcp:127.0.0.1:" + std::to_string(*bench.emulator->tcpPort());
  described.timeScale = 0.01;
  described.settle = Duration{0.01, true};
  described.vars["module_ip"] = bench.address;
  LineTarget target(described.target, described);
  CHECK(target.capabilities() == std::set<std::string>{"time-scale"});
  const RunResult result = runOn(target, "unsolicited");
  int skipped = 0;
  for (const CaseResult& one : result.cases) {
    CAPTURE(one.id);
    if (one.status == CaseStatus::Skipped) {
      ++skipped;
      CHECK(one.skipReason->find("radio-control") != std::string::npos);
    } else {
      CHECK(one.status == CaseStatus::Passed);
    }
  }
  CHECK(skipped >= 3);
  CHECK(result.exitCode() == 0);
}

TEST_CASE("a bench takes values from the environment and keeps secrets out of reports") {
  TempFolder folder;
  ::setenv("ATSHARP_TEST_APN_PASSWORD", "apn-s3cret", 1);
  const auto file = folder.write("bench.yaml", R"(
target: tcp:127.0.0.1:1
apn: {name: internet.example, password: {env: ATSHARP_TEST_APN_PASSWORD}}
credentials: {ftp: {user: bench, password: ftp-s3cret}}
fixtures: {ftp: {host: ftp.example.net, port: 21}}
vars: {token: {env: ATSHARP_TEST_UNSET_VARIABLE, default: fallback, secret: true}}
hooks: {reset: "true"}
)");
  const Bench bench = loadBench(file, "bench.yaml", benchSchema());
  CHECK(bench.vars.at("bench.apn.name") == "internet.example");
  CHECK(bench.vars.at("bench.apn.password") == "apn-s3cret");
  CHECK(bench.vars.at("bench.credentials.ftp.password") == "ftp-s3cret");
  CHECK(bench.vars.at("bench.fixtures.ftp.port") == "21");
  CHECK(bench.vars.at("bench.token") == "fallback");
  CHECK(bench.secrets == std::set<std::string>{"apn-s3cret", "ftp-s3cret", "fallback"});
  CHECK(bench.resetHook == "true");
  const std::string shown = bench.description.dump();
  CHECK(shown.find("s3cret") == std::string::npos);
  CHECK(shown.find("fallback") == std::string::npos);
  CHECK(shown.find("internet.example") != std::string::npos);
}

TEST_CASE("a bench file with problems names them") {
  TempFolder folder;
  const auto file = folder.write("bench.yaml", "target: udp:1.2.3.4:5\nspeed: 3\n"
                                               "vars: {x: {env: ATSHARP_TEST_UNSET_VARIABLE}}\n");
  try {
    loadBench(file, "bench.yaml", benchSchema());
    FAIL("no error");
  } catch (const BenchError& error) {
    REQUIRE(error.problems().size() == 2);
    std::set<int> lines;
    for (const SuiteError& problem : error.problems()) lines.insert(problem.where().line);
    CHECK(lines == std::set<int>{1, 2});
  }
  const auto unset = folder.write("unset.yaml", "target: tcp:127.0.0.1:1\n"
                                                "vars: {x: {env: ATSHARP_TEST_UNSET_VARIABLE}}\n");
  CHECK_THROWS_WITH_AS(loadBench(unset, "unset.yaml", benchSchema()),
                       doctest::Contains("ATSHARP_TEST_UNSET_VARIABLE is not set"), BenchError);
}

TEST_CASE("a target that cannot be reached is a problem of the run") {
  LineTarget target("tcp:127.0.0.1:1", std::nullopt);
  const RunResult result = runOn(target, "commands");
  CHECK(result.cases.empty());
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].kind == "target");
  CHECK(result.exitCode() == 2);
}

// A service and a step kind of its own, as the fixtures plug in.
class CounterService final : public CaseService {
 public:
  explicit CounterService(int job) : job_(job) {}
  Vars vars() const override { return {{"counter.job", std::to_string(job_)}}; }
  int job_;
};

class CounterProvider final : public CaseServiceProvider {
 public:
  std::string capability() const override { return "fixtures.tcp"; }
  std::unique_ptr<CaseService> start(const ServiceRequest& request) override {
    ++started;
    CHECK(request.job == 0);
    return std::make_unique<CounterService>(request.job);
  }
  int started = 0;
};

class CounterStep final : public Step {
 public:
  explicit CounterStep(StepCommon common) : Step(std::move(common)) {}
  std::string_view kind() const noexcept override { return "count"; }
  std::string summary() const override { return "count"; }
  void addRequirements(std::set<std::string>& capabilities) const override {
    capabilities.insert("fixtures.tcp");
  }
  void run(StepContext& context) const override {
    if (!context.services.find<CounterService>("fixtures.tcp")) {
      throw StepFailure(FailureClass::Harness, "no counter service");
    }
  }
};

TEST_CASE("a service and its step plug into the engine") {
  // The step kind goes into the registry, and into the schema the suites are checked against.
  StepRegistry registry = StepRegistry::withBuiltins();
  registry.add("count", [](const Json&, const Json&, StepCommon common, const StepParseContext&) {
    return std::make_shared<CounterStep>(std::move(common));
  });
  Json schema = Json::parse(suiteSchemaText());
  schema["$defs"]["step"]["oneOf"].push_back({{"$ref", "#/$defs/countStep"}});
  schema["$defs"]["countStep"] = {{"type", "object"},
                                  {"required", {"count"}},
                                  {"additionalProperties", false},
                                  {"properties", {{"count", {{"type", "null"}}}}}};
  TempFolder folder;
  const auto file = folder.write("s.yaml", R"(
spec: "5"
cases:
  - id: counted
    steps:
      - count:
      - send: AT
      - expect_final: OK
)");
  const JsonSchema extended(schema);
  const LoadedSuites loaded = loadSuites({file}, registry, extended);
  REQUIRE(loaded.problems.empty());
  CHECK(loaded.suites[0].cases[0].requirements.count("fixtures.tcp") == 1);
  auto provider = std::make_shared<CounterProvider>();
  ReferenceTarget target(referenceOptions());
  RunOptions options;
  options.runId = "services";
  options.probeIdentity = false;
  options.services = {provider};
  const RunResult result = harness::runSuites(loaded, target, options);
  CHECK(caseNamed(result, "counted").status == CaseStatus::Passed);
  CHECK(provider->started == 1);
  CHECK(result.capabilities.count("fixtures.tcp") == 1);
  // Without the provider the case is skipped, with the reason.
  options.services.clear();
  const RunResult without = harness::runSuites(loaded, target, options);
  CHECK(caseNamed(without, "counted").status == CaseStatus::Skipped);
  CHECK(*caseNamed(without, "counted").skipReason == "the target ref does not offer fixtures.tcp");
}

TEST_SUITE_END();

}  // namespace
}  // namespace atsharp::harness::test
