#pragma once
// `atsharp report diff A B`: which cases changed status between two runs (a module's new
// firmware against the last one, a real module against the reference module). Cases are the
// same case when their ids are (suite/case[params]), which are stable between runs.

#include <nlohmann/json.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace atsharp::harness {

/// One case of either run, with its status in each (none where it did not run).
struct CaseChange {
  std::string id;
  std::optional<std::string> before;  ///< its status in A
  std::optional<std::string> after;   ///< its status in B
  std::string message;                ///< B's failure class and message, when it failed in B
};

struct ReportDiff {
  std::vector<CaseChange> newlyFailing;  ///< did not fail in A (passed, xfail, skipped), fails in B
  std::vector<CaseChange> newlyPassing;  ///< failed in A, passes in B (or fails as marked xfail)
  std::vector<CaseChange> otherChanges;  ///< any other change: passed to skipped, failed to error...
  std::vector<CaseChange> added;         ///< only in B
  std::vector<CaseChange> removed;       ///< only in A
  std::size_t unchanged = 0;

  /// Some case got worse: it ran in both and fails (or errs) in B where it did not in A. Cases
  /// only in one run are listed but are not "worse": the runs' own exit statuses judge them.
  bool worse() const noexcept { return !newlyFailing.empty(); }
};

/// The changes from @p before (A) to @p after (B), both checked by parseReport(). Cases listed
/// in the order of B (removed ones in the order of A).
ReportDiff diffReports(const nlohmann::json& before, const nlohmann::json& after);

/// The diff as text: what each run was, then each list with its cases, then the counts.
void showReportDiff(std::ostream& out, const nlohmann::json& before, const nlohmann::json& after,
                    const ReportDiff& diff);

}  // namespace atsharp::harness
