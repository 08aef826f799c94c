#pragma once
// The results of a conformance run, as the reports write them (reports/schema.json).

#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "document/source_location.hpp"
#include "steps/failure.hpp"
#include "steps/step_record.hpp"
#include "suite/suite.hpp"
#include "transcript/transcript.hpp"

namespace atsharp::harness {

enum class CaseStatus { Passed, Failed, Error, Skipped, Xfail };

std::string_view caseStatusName(CaseStatus status) noexcept;

/// Why a case did not pass.
struct CaseFailure {
  FailureClass failure = FailureClass::Harness;
  std::string message;
  std::optional<int> step;  ///< the failing step's index in the case's steps
  std::string phase;        ///< setup, case, end, teardown, reset, open
  std::optional<SourceLocation> source;
};

struct CaseResult {
  std::string id;
  std::string suite;
  std::string suiteFile;
  std::string caseId;
  std::string title;
  SourceLocation source;
  std::vector<SpecReference> spec;
  std::vector<std::string> tags;
  std::set<std::string> requirements;
  std::optional<Vars> params;
  CaseStatus status = CaseStatus::Passed;
  std::optional<CaseFailure> failure;
  std::optional<std::string> xfailReason;
  std::optional<std::string> skipReason;
  Clock::time_point started{};
  Clock::time_point ended{};
  int job = 0;
  std::string module;
  double timeScale = 1.0;
  std::vector<StepRecord> steps;
  Clock::time_point transcriptStart{};
  std::vector<TranscriptEntry> transcript;
};

/// What AT#VVERSION said about the target (8.1.2).
struct TargetIdentity {
  std::string versionLine;  ///< the line as it came
  std::string software;     ///< the file name
  std::string size;
  std::string built;        ///< the date and time of generation
};

/// A problem outside any case: a suite that cannot be loaded, a bench file, an unreachable
/// target.
struct RunProblem {
  std::string kind;  ///< suite, bench, target, harness
  std::string message;
  std::optional<SourceLocation> where;
};

struct Summary {
  int total = 0;
  int passed = 0;
  int failed = 0;
  int error = 0;
  int skipped = 0;
  int xfail = 0;
};

struct RunResult {
  std::string runId;
  std::string toolVersion;
  std::string targetUrl;
  double timeScale = 1.0;
  double timeoutMargin = 0;
  std::set<std::string> capabilities;
  std::optional<TargetIdentity> identity;
  std::string identityProblem;
  nlohmann::json bench;  ///< masked, or null
  std::vector<std::string> suiteFiles;
  std::vector<std::string> filters;
  std::optional<std::pair<int, int>> shard;  ///< index, count
  int jobs = 1;
  std::chrono::system_clock::time_point started{};
  std::chrono::system_clock::time_point finished{};
  Clock::time_point monotonicStart{};
  std::vector<CaseResult> cases;
  std::vector<RunProblem> problems;
  std::set<std::string> secrets;  ///< values to mask wherever they appear

  Summary summary() const;
  /// 0 every case passed (or was skipped or failed as expected), 1 a case failed, 2 a case
  /// could not be run or the run itself had a problem (infrastructure counts first).
  int exitCode() const;
};

}  // namespace atsharp::harness
