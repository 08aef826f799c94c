#pragma once
// The JSON report of a run, as reports/schema.json describes it: what the report viewers
// (atsharp report show|html|diff|merge) read. Every text in it is masked (report/
// credential_mask.hpp) and every byte sequence is given escaped and in hex.

#include <nlohmann/json.hpp>

#include <filesystem>

#include "coverage/coverage.hpp"
#include "report/run_result.hpp"

namespace atsharp::harness {

/// The report's format name and version (the "format" and "format_version" keys).
inline constexpr const char* kReportFormat = "atsharp-conform-report";
inline constexpr int kReportFormatVersion = 1;

/// Data entries of a transcript larger than this are shown by their head and tail, with their
/// size and SHA-256.
inline constexpr std::size_t kLargestShownData = 4096;

/// The report of @p result; with @p coverage, its optional `coverage` section too.
nlohmann::json reportJson(const RunResult& result, const Coverage* coverage = nullptr);

/// Writes the report to @p path (its folder is made when missing). Throws atsharp::Error.
void writeJsonReport(const RunResult& result, const std::filesystem::path& path,
                     const Coverage* coverage = nullptr);

/// "2024-05-01T12:34:56.789Z".
std::string isoTime(std::chrono::system_clock::time_point time);

}  // namespace atsharp::harness
