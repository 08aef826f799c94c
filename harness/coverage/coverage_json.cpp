#include "coverage/coverage_json.hpp"

#include <fstream>

#include "atsharp/error.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

Json countsJson(const CoverageCounts& counts) {
  return Json{{"rows", counts.rows},
              {"covered", counts.covered},
              {"not_covered", counts.notCovered},
              {"uncovered", counts.uncovered},
              {"explained", counts.explained}};
}

}  // namespace

Json coverageJson(const Coverage& coverage, const ReportText& text) {
  const auto fit = [&](const std::string& raw) { return text ? text(raw) : raw; };
  Json chapters = Json::array();
  for (const ChapterCoverage& chapter : coverage.chapters) {
    Json item = countsJson(chapter.counts);
    item["chapter"] = chapter.chapter;
    chapters.push_back(std::move(item));
  }
  Json rows = Json::array();
  for (const RowCoverage& row : coverage.rows) {
    Json cases = Json::array();
    for (const RowCase& one : row.cases) {
      cases.push_back(Json{{"id", fit(one.caseId)},
                           {"status", one.status},
                           {"reason", one.reason.empty() ? Json(nullptr) : Json(fit(one.reason))},
                           {"covers", one.covers}});
    }
    const Json reason = row.row.uncoverable ? Json(*row.row.uncoverable) : Json(nullptr);
    rows.push_back(Json{{"id", row.row.id},
                        {"section", row.row.section},
                        {"chapter", row.row.chapter},
                        {"state", rowStateName(row.state)},
                        {"uncoverable", reason},
                        {"cases", std::move(cases)}});
  }
  Json unknown = Json::array();
  for (const std::string& id : coverage.unknownRows) unknown.push_back(fit(id));
  return Json{{"basis", coverageBasisName(coverage.basis)},
              {"rows_file", coverage.rowsFile},
              {"summary", countsJson(coverage.total)},
              {"chapters", std::move(chapters)},
              {"rows", std::move(rows)},
              {"unknown_rows", std::move(unknown)}};
}

void writeCoverageJson(const Coverage& coverage, const std::filesystem::path& path,
                       const ReportText& text) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error("cannot write the coverage report " + path.string());
  out << coverageJson(coverage, text).dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
  if (!out) throw Error("cannot write the coverage report " + path.string());
}

}  // namespace atsharp::harness
