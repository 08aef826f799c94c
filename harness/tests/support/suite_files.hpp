#pragma once
// Suites written by a test: YAML text put in a fresh folder, loaded and run the way
// `atsharp conform` does it.

#include <filesystem>
#include <map>
#include <string>

#include "report/run_result.hpp"
#include "run/conform_run.hpp"
#include "targets/target.hpp"

namespace atsharp::harness::test {

/// A temporary folder, removed with the object.
class TempFolder {
 public:
  TempFolder();
  ~TempFolder();
  const std::filesystem::path& path() const noexcept { return path_; }
  /// Writes @p text to the file @p name in the folder and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

/// The project's source folder (a CMake definition of the test executable).
std::filesystem::path projectRoot();

/// The project's suite schema, compiled into the harness.
const JsonSchema& suiteSchema();

/// Loads the suites under @p roots (with the project's spec rows) and returns what loaded.
LoadedSuites load(const std::vector<std::filesystem::path>& roots);

/// Loads @p roots and runs them on @p target with @p options; fails the test (CHECK) when a
/// suite has problems, unless @p problemsAllowed.
RunResult runSuites(const std::vector<std::filesystem::path>& roots, Target& target,
                    RunOptions options = {}, bool problemsAllowed = false);

/// Writes @p yaml as suite.yaml in @p folder and runs it on @p target.
RunResult runSuiteText(const std::string& yaml, Target& target, const TempFolder& folder,
                       RunOptions options = {});

/// The result of the case whose id ends with @p id (after its suite's name).
const CaseResult& caseNamed(const RunResult& result, const std::string& id);

/// The failing step of a case.
const StepRecord& failingStep(const CaseResult& result);

/// A case's diff as text, one line per diff line ("- \r\nOK\r\n").
std::string diffText(const CaseResult& result);

}  // namespace atsharp::harness::test
