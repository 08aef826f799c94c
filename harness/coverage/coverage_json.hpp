#pragma once
// The coverage as the JSON report's optional `coverage` section, and the file of
// `--coverage-report` (reports/schema.json, $defs/coverage).

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>

#include "coverage/coverage.hpp"

namespace atsharp::harness {

/// Makes a text fit for a report (credentials masked); the identity when none is needed.
using ReportText = std::function<std::string(const std::string&)>;

/// The `coverage` object: basis, rows file, summary, chapters, every row with its cases, the
/// unknown row ids. Case ids and reasons go through @p text.
nlohmann::json coverageJson(const Coverage& coverage, const ReportText& text = {});

/// Writes coverageJson to @p path (its folder made when missing). Throws atsharp::Error.
void writeCoverageJson(const Coverage& coverage, const std::filesystem::path& path,
                       const ReportText& text = {});

}  // namespace atsharp::harness
