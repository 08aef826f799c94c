#include "report/report_file.hpp"

#include <fstream>
#include <sstream>

#include "report/json_report.hpp"
#include "report/report_schema.hpp"
#include "schema/json_schema.hpp"

namespace atsharp::harness {
namespace {

// Enough of the schema's complaints to see what is wrong, not a screenful of them.
constexpr std::size_t kViolationsShown = 5;

// A JSON document that is not a report at all (another tool's output, a suite) gets one line
// that says so, rather than the schema's complaints about every key it lacks.
void checkIsReport(const nlohmann::json& document, const std::string& name) {
  const bool named = document.is_object() && document.contains("format") &&
                     document["format"] == kReportFormat;
  if (!named) {
    throw ReportFileError(name + ": not an atsharp conformance report (no \"format\": \"" +
                          kReportFormat + "\")");
  }
  if (!document.contains("format_version") || document["format_version"] != kReportFormatVersion) {
    throw ReportFileError(name + ": a report of another format version (this atsharp reads " +
                          std::to_string(kReportFormatVersion) + ")");
  }
}

}  // namespace

nlohmann::json parseReport(std::string_view text, const std::string& name) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& bad) {
    throw ReportFileError(name + ": not JSON (" + bad.what() + ")");
  }
  checkIsReport(document, name);
  const std::vector<SchemaViolation> violations = reportSchema().validate(document);
  if (violations.empty()) return document;
  std::string message = name + ": not a valid report (reports/schema.json):";
  for (std::size_t i = 0; i < violations.size() && i < kViolationsShown; ++i) {
    const SchemaViolation& violation = violations[i];
    message += "\n  " + (violation.pointer.empty() ? std::string("/") : violation.pointer) + ": " +
               violation.message;
  }
  if (violations.size() > kViolationsShown) {
    message += "\n  (" + std::to_string(violations.size() - kViolationsShown) + " more)";
  }
  throw ReportFileError(message);
}

nlohmann::json readReport(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw ReportFileError(name + ": a folder, not a report");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReportFileError(name + ": cannot be read (missing, or not readable)");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ReportFileError(name + ": cannot be read");
  return parseReport(text.str(), name);
}

void writeReportJson(const nlohmann::json& report, const std::filesystem::path& path) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error("cannot write the report " + path.string());
  out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  if (!out) throw Error("cannot write the report " + path.string());
}

}  // namespace atsharp::harness
