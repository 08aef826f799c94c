#include "report/report_merge.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "report/coverage_merge.hpp"
#include "report/json_report.hpp"
#include "report/report_schema.hpp"
#include "report/report_view.hpp"
#include "schema/json_schema.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

double rounded(double value) { return std::round(value * 1e6) / 1e6; }

// The same value in every part, or a message naming the first part that differs.
void checkSame(const std::vector<NamedReport>& parts, const char* what,
               const Json& (*of)(const Json&)) {
  const Json& first = of(parts.front().report);
  for (const NamedReport& part : parts) {
    if (of(part.report) != first) {
      throw ReportMergeError("the reports are not of one run: " + parts.front().name + " has " +
                             what + " " + first.dump() + ", " + part.name + " has " +
                             of(part.report).dump());
    }
  }
}

// Every shard of one count once; all of them unless the merge is partial.
void checkShards(const std::vector<NamedReport>& parts, const MergeOptions& options) {
  std::map<int, std::string> byIndex;
  int count = 0;
  for (const NamedReport& part : parts) {
    const Json& shard = part.report.at("selection").at("shard");
    if (!shard.is_object()) {
      if (parts.size() > 1) throw ReportMergeError(part.name + " is not a shard (--shard K/N)");
      return;
    }
    count = shard.at("count").get<int>();
    const int index = shard.at("index").get<int>();
    const auto [where, added] = byIndex.emplace(index, part.name);
    if (!added) {
      throw ReportMergeError("shard " + std::to_string(index) + "/" + std::to_string(count) +
                             " twice: " + where->second + " and " + part.name);
    }
  }
  if (options.partial) return;
  std::string missing;
  for (int index = 1; index <= count; ++index) {
    if (!byIndex.count(index)) missing += (missing.empty() ? "" : ", ") + std::to_string(index);
  }
  if (!missing.empty()) {
    throw ReportMergeError("shard(s) " + missing + " of " + std::to_string(count) +
                           " missing (--partial merges what there is)");
  }
}

void checkNoCaseTwice(const std::vector<NamedReport>& parts) {
  std::map<std::string, std::string> seen;
  for (const NamedReport& part : parts) {
    for (const Json& oneCase : part.report.at("cases")) {
      const std::string id = oneCase.at("id").get<std::string>();
      const auto [where, added] = seen.emplace(id, part.name);
      if (!added) {
        throw ReportMergeError("case " + safeText(id) + " twice: in " + where->second +
                               (where->second == part.name ? " (twice)" : " and " + part.name));
      }
    }
  }
}

Json summaryOf(const Json& cases) {
  Json summary{{"total", cases.size()}, {"passed", 0}, {"failed", 0},
               {"error", 0},           {"skipped", 0}, {"xfail", 0}};
  for (const Json& oneCase : cases) {
    Json& count = summary[oneCase.at("status").get<std::string>()];
    count = count.get<int>() + 1;
  }
  return summary;
}

// As RunResult::exitCode(): infrastructure first, then product failures.
int exitCodeOf(const Json& summary, const Json& problems) {
  if (summary.at("error").get<int>() > 0 || !problems.empty()) return 2;
  return summary.at("failed").get<int>() > 0 ? 1 : 0;
}

// Every suite file of every part, in the order they were first named.
Json suitesOf(const std::vector<NamedReport>& parts) {
  Json suites = Json::array();
  std::set<std::string> seen;
  for (const NamedReport& part : parts) {
    for (const Json& file : part.report.at("selection").at("suites")) {
      if (seen.insert(file.get<std::string>()).second) suites.push_back(file);
    }
  }
  return suites;
}

// Each part loaded every suite: a suite that did not load is a problem of each. Once is enough.
Json problemsOf(const std::vector<NamedReport>& parts) {
  Json problems = Json::array();
  for (const NamedReport& part : parts) {
    for (const Json& problem : part.report.at("problems")) {
      if (std::find(problems.begin(), problems.end(), problem) == problems.end()) {
        problems.push_back(problem);
      }
    }
  }
  return problems;
}

// A case's place in the whole run. `--shard K/N` deals the selected cases out in turn
// (run/case_instance.hpp, shardOf): the j-th case of shard K was the (j*N + K-1)-th of the
// run. Parts that are not shards keep their order, one after the other.
std::vector<std::size_t> placesInRun(const std::vector<NamedReport>& parts) {
  std::vector<std::size_t> places;
  std::size_t before = 0;
  for (const NamedReport& part : parts) {
    const Json& shard = part.report.at("selection").at("shard");
    const std::size_t count = part.report.at("cases").size();
    for (std::size_t j = 0; j < count; ++j) {
      places.push_back(shard.is_object() ? j * shard.at("count").get<std::size_t>() +
                                               shard.at("index").get<std::size_t>() - 1
                                         : before + j);
    }
    before += count;
  }
  return places;
}

// The cases of all parts in the order they had in the whole run, which is the order of the
// suites; each case's start counted from the start of the whole run.
Json casesOf(const std::vector<NamedReport>& parts, std::chrono::system_clock::time_point started) {
  std::vector<std::pair<std::size_t, Json>> placed;
  const std::vector<std::size_t> places = placesInRun(parts);
  for (const NamedReport& part : parts) {
    const double offset = std::chrono::duration<double>(
        timeFromIso(part.report.at("started_at").get<std::string>()) - started).count();
    for (Json oneCase : part.report.at("cases")) {
      oneCase["started_s"] = rounded(oneCase.at("started_s").get<double>() + offset);
      placed.emplace_back(places[placed.size()], std::move(oneCase));
    }
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Json cases = Json::array();
  for (auto& [place, oneCase] : placed) cases.push_back(std::move(oneCase));
  return cases;
}

// The target as the parts saw it; the identity from whichever part could read it.
Json targetOf(const std::vector<NamedReport>& parts) {
  Json target = parts.front().report.at("target");
  for (const NamedReport& part : parts) {
    if (part.report.at("target").at("identity").is_object()) {
      target["identity"] = part.report.at("target").at("identity");
      target["identity_problem"] = nullptr;
      break;
    }
  }
  return target;
}

}  // namespace

Json mergeReports(const std::vector<NamedReport>& parts, const MergeOptions& options) {
  if (parts.empty()) throw ReportMergeError("no report to merge");
  checkSame(parts, "run id", [](const Json& r) -> const Json& { return r.at("run_id"); });
  checkSame(parts, "target", [](const Json& r) -> const Json& { return r.at("target").at("url"); });
  checkSame(parts, "filters",
            [](const Json& r) -> const Json& { return r.at("selection").at("filters"); });
  checkShards(parts, options);
  checkNoCaseTwice(parts);

  std::string startedAt = parts.front().report.at("started_at").get<std::string>();
  std::string finishedAt = parts.front().report.at("finished_at").get<std::string>();
  int jobs = 1;
  for (const NamedReport& part : parts) {
    // The form is fixed (schema): the text's order is the time's order.
    startedAt = std::min(startedAt, part.report.at("started_at").get<std::string>());
    finishedAt = std::max(finishedAt, part.report.at("finished_at").get<std::string>());
    jobs = std::max(jobs, part.report.at("selection").at("jobs").get<int>());
  }
  const auto started = timeFromIso(startedAt);
  const auto finished = timeFromIso(finishedAt);

  const Json& first = parts.front().report;
  Json merged;
  merged["format"] = kReportFormat;
  merged["format_version"] = kReportFormatVersion;
  merged["run_id"] = first.at("run_id");
  merged["tool"] = first.at("tool");
  merged["target"] = targetOf(parts);
  merged["bench"] = first.at("bench");
  const Json suites = suitesOf(parts);
  merged["selection"] = Json{{"suites", suites},
                             {"filters", first.at("selection").at("filters")},
                             {"shard", nullptr},
                             {"jobs", jobs}};
  merged["started_at"] = startedAt;
  merged["finished_at"] = finishedAt;
  merged["duration_s"] = rounded(std::chrono::duration<double>(finished - started).count());
  merged["cases"] = casesOf(parts, started);
  merged["summary"] = summaryOf(merged["cases"]);
  merged["problems"] = problemsOf(parts);
  merged["exit_code"] = exitCodeOf(merged["summary"], merged["problems"]);
  if (std::optional<Json> coverage = mergeCoverage(parts)) merged["coverage"] = *coverage;
  // What is merged is a report like any other; a violation here is a bug of the merge.
  const std::vector<SchemaViolation> violations = reportSchema().validate(merged);
  if (!violations.empty()) {
    throw Error("the merged report breaks reports/schema.json at " + violations.front().pointer +
                ": " + violations.front().message);
  }
  return merged;
}

}  // namespace atsharp::harness
