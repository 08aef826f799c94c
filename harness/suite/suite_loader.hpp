#pragma once
// Reads suite files: YAML, checked against suites/schema.json, then turned into steps by the
// step registry, with the checks a schema cannot make (blocks that exist and do not call
// themselves, variables that are defined, capabilities that exist, a scenario the reference
// module takes). Problems are collected, each with its file and line, so that --check lists
// them all at once.

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "schema/json_schema.hpp"
#include "steps/step_registry.hpp"
#include "suite/suite.hpp"
#include "suite/suite_error.hpp"

namespace atsharp::harness {

/// A suite file to load.
struct SuiteSource {
  std::filesystem::path path;
  std::string file;  ///< as reports name it
  std::string name;  ///< the suite's name: its path under the root, without .yaml
};

class SuiteLoader {
 public:
  /// @p knownRows, when given, are the ids of the spec's rows (loadSpecRowIds) a case's spec
  /// may name; otherwise any id is taken.
  SuiteLoader(const StepRegistry& registry, const JsonSchema& schema,
              const std::set<std::string>* knownRows = nullptr);

  /// Loads @p source: a suite, or nothing for a file of blocks only (whose blocks are still
  /// checked) or a file with problems, which are added to @p problems.
  std::optional<Suite> load(const SuiteSource& source, std::vector<SuiteError>& problems) const;

 private:
  struct Loading;
  void checkRows(const Suite& suite, const CaseSpec& spec, const SourceLocation& where,
                 std::vector<SuiteError>& problems) const;
  const StepRegistry& registry_;
  const JsonSchema& schema_;
  const std::set<std::string>* knownRows_;
};

/// The row ids a case may name: those of a rows file (a YAML list of mappings with an id each)
/// and "param/NAME/ASPECT" for the catalogue's parameters (coverage/parameter_rows.hpp).
/// Throws DocumentError.
std::set<std::string> loadSpecRowIds(const std::filesystem::path& path);

/// The suite files under @p roots: each root a file, or a folder searched recursively for
/// *.yaml (hidden entries and a root's coverage/ folder, the spec's rows, skipped), in name
/// order. A suite's name is its path under its root
/// folder (or its file name), without .yaml. Throws UsageError for a root that does not exist.
std::vector<SuiteSource> findSuiteFiles(const std::vector<std::filesystem::path>& roots);

/// How reports name @p path: relative to the current folder when under it, else as it is.
std::string displayPath(const std::filesystem::path& path);

}  // namespace atsharp::harness
