#include "report/report_diff.hpp"

#include <map>

#include "report/report_view.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

// A case fails when it failed or could not be judged; anything else (passed, failed as marked
// xfail, skipped for a capability the target lacks) is not a failure of the module.
bool fails(const std::string& status) { return status == "failed" || status == "error"; }

std::string failureText(const Json& oneCase) {
  const Json& failure = oneCase.at("failure");
  if (!failure.is_object()) return "";
  return textOrEmpty(failure.at("class")) + ": " + textOrEmpty(failure.at("message"));
}

std::string statusText(const std::optional<std::string>& status) { return status.value_or("-"); }

void showList(std::ostream& out, const char* title, const std::vector<CaseChange>& changes) {
  if (changes.empty()) return;
  out << "\n" << title << " (" << changes.size() << "):\n";
  for (const CaseChange& change : changes) {
    out << "  " << safeText(change.id) << "  " << statusText(change.before) << " -> "
        << statusText(change.after) << "\n";
    if (!change.message.empty()) out << "      " << safeText(change.message) << "\n";
  }
}

std::string runLine(const Json& report) {
  return safeText(textOrEmpty(report.at("run_id"))) + ", " + safeText(textOrEmpty(report.at("target").at("url"))) +
         ", " + safeText(identityText(report)) + ", " +
         std::to_string(report.at("summary").at("total").get<int>()) + " case(s): " +
         summaryText(report.at("summary"));
}

}  // namespace

ReportDiff diffReports(const Json& before, const Json& after) {
  std::map<std::string, const Json*> inBefore;
  for (const Json& oneCase : before.at("cases")) inBefore[oneCase.at("id").get<std::string>()] = &oneCase;
  std::map<std::string, bool> seen;
  ReportDiff diff;
  for (const Json& oneCase : after.at("cases")) {
    CaseChange change;
    change.id = oneCase.at("id").get<std::string>();
    change.after = oneCase.at("status").get<std::string>();
    change.message = failureText(oneCase);
    seen[change.id] = true;
    const auto found = inBefore.find(change.id);
    if (found == inBefore.end()) {
      diff.added.push_back(std::move(change));
      continue;
    }
    change.before = found->second->at("status").get<std::string>();
    if (*change.before == *change.after) {
      ++diff.unchanged;
    } else if (fails(*change.after) && !fails(*change.before)) {
      diff.newlyFailing.push_back(std::move(change));
    } else if (fails(*change.before) && (*change.after == "passed" || *change.after == "xfail")) {
      diff.newlyPassing.push_back(std::move(change));
    } else {
      diff.otherChanges.push_back(std::move(change));
    }
  }
  for (const Json& oneCase : before.at("cases")) {
    const std::string id = oneCase.at("id").get<std::string>();
    if (seen.count(id)) continue;
    seen[id] = true;
    diff.removed.push_back({id, oneCase.at("status").get<std::string>(), std::nullopt, ""});
  }
  return diff;
}

void showReportDiff(std::ostream& out, const Json& before, const Json& after, const ReportDiff& diff) {
  out << "A: " << runLine(before) << "\n";
  out << "B: " << runLine(after) << "\n";
  showList(out, "newly failing", diff.newlyFailing);
  showList(out, "newly passing", diff.newlyPassing);
  showList(out, "other changes", diff.otherChanges);
  showList(out, "added (only in B)", diff.added);
  showList(out, "removed (only in A)", diff.removed);
  out << "\n" << diff.newlyFailing.size() << " newly failing, " << diff.newlyPassing.size()
      << " newly passing, " << diff.otherChanges.size() << " other change(s), " << diff.added.size()
      << " added, " << diff.removed.size() << " removed, " << diff.unchanged << " unchanged\n";
}

}  // namespace atsharp::harness
