#pragma once
// Which rows of the spec the cases cover (suites/coverage/README.md, "What counts as covered"):
// every row of the catalogue with the case runs that name it, and its state.
//
// Two bases. After a run, a row is covered when a case run naming it passed; a case that
// failed, had an error, was skipped, failed as its xfail mark said or was not selected names
// the row without covering it. Without a run (`atsharp conform --check --coverage`), the
// listing is what the suites claim: a row counts as covered when a case not marked xfail names
// it, whether or not that case would pass or run on a given target.

#include <optional>
#include <string>
#include <vector>

#include "coverage/row_catalogue.hpp"
#include "report/run_result.hpp"
#include "run/case_instance.hpp"

namespace atsharp::harness {

enum class CoverageBasis {
  Run,     ///< the statuses of a run
  Claims,  ///< the rows the suites name, nothing run
};

/// "run" or "claims".
std::string_view coverageBasisName(CoverageBasis basis) noexcept;

/// The status of a case run that did not happen: the case was not selected (another shard's,
/// or filtered out), or the basis has no run.
inline constexpr const char* kNotRun = "not-run";

/// One run of a case and the rows it names.
struct CaseClaim {
  std::string caseId;             ///< the case run's id: suite/case[name=value,...]
  std::vector<std::string> rows;  ///< the row ids, with the run's variables put in
  /// passed, failed, error, skipped, xfail (caseStatusName), or "not-run": the case was not
  /// selected, or the basis has no run. Without a run, a case marked xfail is "xfail".
  std::string status;
  /// Why it did not pass: the skip reason, the failure class, the xfail reason.
  std::string reason;
  bool covers = false;  ///< whether it counts: passed in a run; not marked xfail without one
};

/// The claims of the cases of a run: every case of @p cases (the loaded suites' cases, all of
/// them, selected or not), with its status in @p run. Case ids and reasons are masked (the
/// run's secrets, the credentials each case's commands set).
std::vector<CaseClaim> claimsOfRun(const std::vector<CaseInstance>& cases, const RunResult& run);

/// The claims of @p cases without a run.
std::vector<CaseClaim> claimsOfSuites(const std::vector<CaseInstance>& cases);

enum class RowState {
  Covered,     ///< a case that counts names it
  NotCovered,  ///< cases name it, none counts
  Uncovered,   ///< no case names it
  Explained,   ///< not covered, and the catalogue says why no case can be (uncoverable)
};

/// "covered", "not-covered", "uncovered", "explained".
std::string_view rowStateName(RowState state) noexcept;

/// A case run as a row's coverage lists it.
struct RowCase {
  std::string caseId;
  std::string status;
  std::string reason;
  bool covers = false;
};

struct RowCoverage {
  CoverageRow row;
  RowState state = RowState::Uncovered;
  std::vector<RowCase> cases;  ///< every case run naming the row, in the order of the claims

  /// Whether the row is covered although the catalogue calls it uncoverable: on the reference
  /// module the reason has gone stale; on a bench a real module may well produce it.
  bool coveredDespiteReason() const noexcept {
    return state == RowState::Covered && row.uncoverable.has_value();
  }
};

/// The rows of one state, or of all.
struct CoverageCounts {
  int rows = 0;
  int covered = 0;
  int notCovered = 0;
  int uncovered = 0;
  int explained = 0;

  void add(RowState state) noexcept;
  /// Rows neither covered nor explained: what --require-coverage refuses.
  int gaps() const noexcept { return notCovered + uncovered; }
};

struct ChapterCoverage {
  std::string chapter;  ///< "1" ... "9", "A", kParameterChapter
  CoverageCounts counts;
};

struct Coverage {
  CoverageBasis basis = CoverageBasis::Run;
  std::string rowsFile;  ///< the catalogue's file, as reports name it
  std::vector<RowCoverage> rows;         ///< in the catalogue's order
  std::vector<ChapterCoverage> chapters;  ///< in the order their first row comes
  CoverageCounts total;
  /// Row ids the claims name that the catalogue does not hold (a loader without the catalogue
  /// lets them through; --check refuses them). Listed so that nothing is lost silently.
  std::vector<std::string> unknownRows;
};

/// The coverage of @p rows by @p claims.
Coverage computeCoverage(const RowCatalogue& rows, const std::vector<CaseClaim>& claims,
                         CoverageBasis basis, std::string rowsFile = {});

/// Sets each row's state from its cases, and the chapters' and the total counts from the rows
/// (which must hold their cases already): what computeCoverage ends with, and what a merge of
/// several runs' coverage does again.
void settleCoverage(Coverage& coverage);

}  // namespace atsharp::harness
