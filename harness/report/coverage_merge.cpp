#include "report/coverage_merge.hpp"

#include <map>
#include <set>
#include <string>

#include "coverage/coverage.hpp"
#include "coverage/coverage_json.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

std::optional<std::string> optionalText(const Json& value) {
  if (value.is_null()) return std::nullopt;
  return value.get<std::string>();
}

// All parts or none: coverage from some shards only would list the others' rows as not covered.
bool checkPresence(const std::vector<NamedReport>& parts) {
  const NamedReport* with = nullptr;
  const NamedReport* without = nullptr;
  for (const NamedReport& part : parts) {
    (part.report.contains("coverage") ? with : without) = &part;
  }
  if (with && without) {
    throw ReportMergeError(with->name + " has a coverage section, " + without->name +
                           " has none: run every shard with --coverage, or none");
  }
  return with != nullptr;
}

// One catalogue of rows and one basis for all parts, in the same order.
void checkRows(const std::vector<NamedReport>& parts) {
  const Json& first = parts.front().report.at("coverage");
  for (const NamedReport& part : parts) {
    const Json& coverage = part.report.at("coverage");
    bool same = coverage.at("basis") == first.at("basis") &&
                coverage.at("rows").size() == first.at("rows").size();
    for (std::size_t i = 0; same && i < first.at("rows").size(); ++i) {
      same = coverage.at("rows")[i].at("id") == first.at("rows")[i].at("id");
    }
    if (!same) {
      throw ReportMergeError("the coverage sections of " + parts.front().name + " and " +
                             part.name + " list other rows: the parts ran other catalogues");
    }
  }
}

RowCase rowCaseOf(const Json& entry) {
  return RowCase{entry.at("id").get<std::string>(), entry.at("status").get<std::string>(),
                 optionalText(entry.at("reason")).value_or(""), entry.at("covers").get<bool>()};
}

// Row @p index with each case as the shard that ran it lists it ("not-run" in the others).
RowCoverage mergedRow(const std::vector<NamedReport>& parts, std::size_t index) {
  const Json& first = parts.front().report.at("coverage").at("rows")[index];
  RowCoverage row;
  row.row = CoverageRow{first.at("id").get<std::string>(), first.at("section").get<std::string>(),
                        first.at("chapter").get<std::string>(),
                        optionalText(first.at("uncoverable"))};
  std::map<std::string, std::size_t> placeOf;
  for (const NamedReport& part : parts) {
    for (const Json& entry : part.report.at("coverage").at("rows")[index].at("cases")) {
      RowCase one = rowCaseOf(entry);
      const auto [place, added] = placeOf.emplace(one.caseId, row.cases.size());
      if (added) {
        row.cases.push_back(std::move(one));
      } else if (one.status != kNotRun) {
        row.cases[place->second] = std::move(one);
      }
    }
  }
  return row;
}

}  // namespace

std::optional<Json> mergeCoverage(const std::vector<NamedReport>& parts) {
  if (parts.empty() || !checkPresence(parts)) return std::nullopt;
  checkRows(parts);
  const Json& first = parts.front().report.at("coverage");
  Coverage coverage;
  coverage.basis = first.at("basis") == "claims" ? CoverageBasis::Claims : CoverageBasis::Run;
  coverage.rowsFile = first.at("rows_file").get<std::string>();
  for (std::size_t i = 0; i < first.at("rows").size(); ++i) {
    coverage.rows.push_back(mergedRow(parts, i));
  }
  std::set<std::string> unknown;
  for (const NamedReport& part : parts) {
    for (const Json& id : part.report.at("coverage").at("unknown_rows")) {
      if (unknown.insert(id.get<std::string>()).second) {
        coverage.unknownRows.push_back(id.get<std::string>());
      }
    }
  }
  settleCoverage(coverage);
  return coverageJson(coverage, {});  // the parts' texts are masked already
}

}  // namespace atsharp::harness
