#include "coverage/coverage.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "report/credential_mask.hpp"

namespace atsharp::harness {
namespace {

// The row ids one case run names, each once (the suite's section, which names no row, left out).
std::vector<std::string> rowIdsOf(const CaseInstance& instance) {
  std::vector<std::string> ids;
  for (const SpecReference& reference : instance.rows) {
    if (reference.row.empty()) continue;
    if (std::find(ids.begin(), ids.end(), reference.row) == ids.end()) ids.push_back(reference.row);
  }
  return ids;
}

// Why a case run did not pass, as short as the listing needs: the case's own entry in the
// report holds the whole failure.
std::string reasonOf(const CaseResult& result) {
  if (result.skipReason) return *result.skipReason;
  if (result.xfailReason && result.status == CaseStatus::Xfail) return *result.xfailReason;
  if (result.failure) return std::string(failureClassName(result.failure->failure));
  return {};
}

// A case's id holds its params, which may be a credential: masked as the case's own entry in
// the report is, from the run's secrets and what the case's commands set.
CaseClaim claimOf(const CaseInstance& instance, const CaseResult* result,
                  const std::set<std::string>& secrets) {
  CaseClaim claim;
  claim.rows = rowIdsOf(instance);
  if (!result) {
    CredentialMask mask;
    for (const std::string& secret : secrets) mask.addSecret(secret);
    claim.caseId = mask.mask(instance.id);
    claim.status = kNotRun;
    return claim;
  }
  const CredentialMask mask = maskFor(*result, secrets);
  claim.caseId = mask.mask(instance.id);
  claim.status = std::string(caseStatusName(result->status));
  claim.covers = result->status == CaseStatus::Passed;
  if (!claim.covers) claim.reason = mask.mask(reasonOf(*result));
  return claim;
}

}  // namespace

std::string_view coverageBasisName(CoverageBasis basis) noexcept {
  return basis == CoverageBasis::Run ? "run" : "claims";
}

std::string_view rowStateName(RowState state) noexcept {
  switch (state) {
    case RowState::Covered: return "covered";
    case RowState::NotCovered: return "not-covered";
    case RowState::Uncovered: return "uncovered";
    case RowState::Explained: return "explained";
  }
  return "uncovered";
}

void CoverageCounts::add(RowState state) noexcept {
  ++rows;
  switch (state) {
    case RowState::Covered: ++covered; break;
    case RowState::NotCovered: ++notCovered; break;
    case RowState::Uncovered: ++uncovered; break;
    case RowState::Explained: ++explained; break;
  }
}

std::vector<CaseClaim> claimsOfRun(const std::vector<CaseInstance>& cases, const RunResult& run) {
  std::map<std::string, const CaseResult*> results;
  for (const CaseResult& result : run.cases) results.emplace(result.id, &result);
  std::vector<CaseClaim> claims;
  claims.reserve(cases.size());
  for (const CaseInstance& instance : cases) {
    const auto found = results.find(instance.id);
    claims.push_back(
        claimOf(instance, found == results.end() ? nullptr : found->second, run.secrets));
  }
  return claims;
}

std::vector<CaseClaim> claimsOfSuites(const std::vector<CaseInstance>& cases) {
  std::vector<CaseClaim> claims;
  claims.reserve(cases.size());
  for (const CaseInstance& instance : cases) {
    CaseClaim claim;
    claim.caseId = instance.id;
    claim.rows = rowIdsOf(instance);
    // A case marked xfail is written to fail: it will not cover its rows when it runs.
    if (instance.spec && instance.spec->xfail) {
      claim.status = "xfail";
      claim.reason = *instance.spec->xfail;
    } else {
      claim.status = kNotRun;
      claim.covers = true;
    }
    claims.push_back(std::move(claim));
  }
  return claims;
}

Coverage computeCoverage(const RowCatalogue& rows, const std::vector<CaseClaim>& claims,
                         CoverageBasis basis, std::string rowsFile) {
  Coverage coverage;
  coverage.basis = basis;
  coverage.rowsFile = std::move(rowsFile);
  coverage.rows.reserve(rows.size());
  std::map<std::string, std::size_t> indexOf;
  for (const CoverageRow& row : rows) {
    indexOf.emplace(row.id, coverage.rows.size());
    coverage.rows.push_back(RowCoverage{row, RowState::Uncovered, {}});
  }
  std::set<std::string> unknown;
  for (const CaseClaim& claim : claims) {
    for (const std::string& id : claim.rows) {
      const auto found = indexOf.find(id);
      if (found == indexOf.end()) {
        if (unknown.insert(id).second) coverage.unknownRows.push_back(id);
        continue;
      }
      coverage.rows[found->second].cases.push_back(
          RowCase{claim.caseId, claim.status, claim.reason, claim.covers});
    }
  }
  settleCoverage(coverage);
  return coverage;
}

void settleCoverage(Coverage& coverage) {
  coverage.chapters.clear();
  coverage.total = {};
  std::map<std::string, std::size_t> chapterIndex;
  for (RowCoverage& row : coverage.rows) {
    const bool covered = std::any_of(row.cases.begin(), row.cases.end(),
                                     [](const RowCase& one) { return one.covers; });
    row.state = covered                ? RowState::Covered
                : row.row.uncoverable  ? RowState::Explained
                : !row.cases.empty()   ? RowState::NotCovered
                                       : RowState::Uncovered;
    const auto [chapter, added] = chapterIndex.emplace(row.row.chapter, coverage.chapters.size());
    if (added) coverage.chapters.push_back(ChapterCoverage{row.row.chapter, {}});
    coverage.chapters[chapter->second].counts.add(row.state);
    coverage.total.add(row.state);
  }
}

}  // namespace atsharp::harness
