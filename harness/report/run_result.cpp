#include "report/run_result.hpp"

namespace atsharp::harness {

std::string_view caseStatusName(CaseStatus status) noexcept {
  switch (status) {
    case CaseStatus::Passed: return "passed";
    case CaseStatus::Failed: return "failed";
    case CaseStatus::Error: return "error";
    case CaseStatus::Skipped: return "skipped";
    case CaseStatus::Xfail: return "xfail";
  }
  return "error";
}

Summary RunResult::summary() const {
  Summary summary;
  for (const CaseResult& result : cases) {
    ++summary.total;
    switch (result.status) {
      case CaseStatus::Passed: ++summary.passed; break;
      case CaseStatus::Failed: ++summary.failed; break;
      case CaseStatus::Error: ++summary.error; break;
      case CaseStatus::Skipped: ++summary.skipped; break;
      case CaseStatus::Xfail: ++summary.xfail; break;
    }
  }
  return summary;
}

int RunResult::exitCode() const {
  const Summary counts = summary();
  if (counts.error > 0 || !problems.empty()) return 2;
  if (counts.failed > 0) return 1;
  return 0;
}

}  // namespace atsharp::harness
