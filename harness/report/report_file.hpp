#pragma once
// Reading a JSON report back (what `atsharp conform` wrote, reports/schema.json): the report
// viewers (atsharp report show|html|diff|merge) read nothing else. A report is checked against
// the schema before any of it is used, so that a viewer may take every key the schema requires
// as there and of its type.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <string_view>

#include "atsharp/error.hpp"

namespace atsharp::harness {

/// A file that cannot be read, is not JSON, or is not a conformance report; the message names
/// the file and says what is wrong with it.
class ReportFileError : public Error {
 public:
  using Error::Error;
};

/// The report in @p text, checked against reports/schema.json; @p name (a file's name) heads
/// every message. Throws ReportFileError.
nlohmann::json parseReport(std::string_view text, const std::string& name);

/// The report in the file @p path. Throws ReportFileError.
nlohmann::json readReport(const std::filesystem::path& path);

/// Writes @p report (a report's JSON) to @p path, its folder made when missing. Throws
/// atsharp::Error.
void writeReportJson(const nlohmann::json& report, const std::filesystem::path& path);

}  // namespace atsharp::harness
