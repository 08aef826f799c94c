#pragma once
// The JUnit XML report beside the JSON one, so that any CI shows the results: one testsuite
// per suite file, one testcase per case run; a product failure (mismatch, timeout) is a
// <failure>, an infrastructure problem (transport, setup, harness) an <error>, a skipped case
// <skipped>, and a case that failed as its xfail mark expects <skipped message="xfail: ...">.

#include <filesystem>
#include <string>

#include "report/run_result.hpp"

namespace atsharp::harness {

std::string junitXml(const RunResult& result);

/// Writes the report to @p path (its folder is made when missing). Throws atsharp::Error.
void writeJunitReport(const RunResult& result, const std::filesystem::path& path);

}  // namespace atsharp::harness
