#include "support/suite_files.hpp"

#include <doctest/doctest.h>
#include <stdlib.h>

#include <fstream>

#include "fixture_steps/fixture_steps.hpp"
#include "schema/embedded_schemas.hpp"
#include "suite/suite_loader.hpp"
#include "text/byte_text.hpp"

namespace atsharp::harness::test {

namespace fs = std::filesystem;

TempFolder::TempFolder() {
  std::string pattern = (fs::temp_directory_path() / "atsharp-harness-test-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

fs::path TempFolder::write(const std::string& name, const std::string& text) const {
  const fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

fs::path projectRoot() { return ATSHARP_SOURCE_DIR; }

const JsonSchema& suiteSchema() {
  static const JsonSchema schema(nlohmann::json::parse(suiteSchemaText()));
  return schema;
}

LoadedSuites load(const std::vector<fs::path>& roots) {
  static const std::set<std::string> rows =
      loadSpecRowIds(projectRoot() / "suites" / "coverage" / "spec-rows.yaml");
  static const StepRegistry registry = [] {
    StepRegistry kinds = StepRegistry::withBuiltins();
    addFixtureSteps(kinds);
    return kinds;
  }();
  return loadSuites(roots, registry, suiteSchema(), &rows);
}

RunResult runSuites(const std::vector<fs::path>& roots, Target& target, RunOptions options,
                    bool problemsAllowed) {
  const LoadedSuites loaded = load(roots);
  if (!problemsAllowed) {
    for (const SuiteError& problem : loaded.problems) FAIL_CHECK(problem.what());
  }
  if (options.runId.empty()) options.runId = "test-run";
  // The fixtures, as atsharp conform offers them, unless the test offers services of its own.
  if (options.services.empty()) options.services = fixtureServices();
  options.toolVersion = "test";
  return harness::runSuites(loaded, target, options);
}

RunResult runSuiteText(const std::string& yaml, Target& target, const TempFolder& folder,
                       RunOptions options) {
  const fs::path file = folder.write("suite.yaml", yaml);
  return runSuites({file}, target, std::move(options));
}

const CaseResult& caseNamed(const RunResult& result, const std::string& id) {
  for (const CaseResult& one : result.cases) {
    if (one.id == one.suite + "/" + id) return one;
  }
  FAIL("no case " << id);
  throw std::logic_error("unreachable");
}

const StepRecord& failingStep(const CaseResult& result) {
  REQUIRE(result.failure);
  REQUIRE(result.failure->step);
  return result.steps.at(static_cast<std::size_t>(*result.failure->step));
}

std::string diffText(const CaseResult& result) {
  std::string out;
  for (const DiffLine& line : failingStep(result).diff) {
    out += std::string(1, line.op) + " " + escapeBytes(asBytes(line.bytes)) + "\n";
  }
  return out;
}

}  // namespace atsharp::harness::test
