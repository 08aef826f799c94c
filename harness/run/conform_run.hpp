#pragma once
// A conformance run: the suites loaded and checked, the cases selected (filters, shard), run on
// the target (several at once with jobs), the target's identity asked first.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "report/run_result.hpp"
#include "run/case_instance.hpp"
#include "schema/json_schema.hpp"
#include "steps/step_registry.hpp"
#include "suite/suite_error.hpp"
#include "targets/target.hpp"

namespace atsharp::harness {

/// The suites of a run. Their addresses are stable (cases point into them).
struct LoadedSuites {
  std::vector<Suite> suites;
  std::vector<SuiteError> problems;
  std::vector<std::string> files;  ///< every file read, as reports name them
};

/// Loads every suite under @p roots (see findSuiteFiles). Throws UsageError for a root that
/// does not exist; every problem of a file is in problems.
LoadedSuites loadSuites(const std::vector<std::filesystem::path>& roots,
                        const StepRegistry& registry, const JsonSchema& schema,
                        const std::set<std::string>* knownRows = nullptr);

struct RunOptions {
  std::string runId;
  std::string toolVersion;
  int jobs = 1;
  std::vector<std::string> filters;
  std::optional<Shard> shard;
  bool probeIdentity = true;
  /// The services (fixtures) the run can start for the cases that require them.
  std::vector<std::shared_ptr<CaseServiceProvider>> services;
};

/// Told about each case as it ends (from the worker that ran it, one call at a time).
using CaseFinished =
    std::function<void(const CaseResult& result, std::size_t done, std::size_t total)>;

/// Runs the selected cases of @p suites on @p target. Problems of the suites become problems of
/// the run (and its exit status 2); the cases of the suites that loaded still run.
RunResult runSuites(const LoadedSuites& suites, Target& target, const RunOptions& options,
                    const CaseFinished& finished = {});

}  // namespace atsharp::harness
