// atsharp conform: replays the conformance suites against a target (the built-in reference
// module by default) and writes the JSON and JUnit reports. Exit status 0: every case passed;
// 1: a case failed; 2: a case could not run, the run had a problem, or a usage error.

#include <boost/program_options.hpp>

#include <cstdio>
#include <ctime>
#include <iostream>
#include <random>
#include <thread>

#include "atsharp/error.hpp"
#include "atsharp/transport/target_url.hpp"
#include "coverage/coverage_json.hpp"
#include "coverage/coverage_text.hpp"
#include "fixture_steps/fixture_steps.hpp"
#include "report/credential_mask.hpp"
#include "report/json_report.hpp"
#include "report/junit_report.hpp"
#include "run/conform_run.hpp"
#include "schema/embedded_schemas.hpp"
#include "option_command.hpp"
#include "subcommands.hpp"
#include "suite/suite_loader.hpp"
#include "targets/bench.hpp"
#include "targets/line_target.hpp"
#include "targets/reference_target.hpp"
#include "text/byte_text.hpp"

namespace atsharp::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace atsharp::harness;

constexpr int kUsageError = 2;

// The project the binary was built from: its suites/ and reports/ are the defaults.
const fs::path kProjectRoot = ATSHARP_SOURCE_DIR;

po::options_description describeOptions() {
  po::options_description options("options");
  auto add = options.add_options();
  add("target", po::value<std::string>()->value_name("URL"),
      "ref (the built-in reference module, default), serial:PATH[?baud=N&flow=F] or "
      "tcp:HOST:PORT");
  add("suites", po::value<std::vector<std::string>>()->value_name("PATH")->composing(),
      "a suite file or a folder of them (repeatable; default: the project's suites/)");
  add("report", po::value<std::string>()->value_name("FILE"),
      "the JSON report (default: the project's reports/latest.json)");
  add("junit", po::value<std::string>()->value_name("FILE"),
      "the JUnit XML report (default: beside the JSON report, with .xml)");
  add("filter", po::value<std::vector<std::string>>()->value_name("EXPR")->composing(),
      "run the cases with this tag or id: tag:NAME, id:GLOB, or either; !EXPR excludes "
      "(repeatable)");
  add("shard", po::value<std::string>()->value_name("K/N"),
      "run the K-th of N parts of the selected cases");
  add("run-id", po::value<std::string>()->value_name("ID"),
      "the run's id in the reports (default: the start time and a random suffix)");
  add("jobs", po::value<int>()->value_name("N"),
      "cases at once, each on a reference module of its own (default: the cores, at most 4; "
      "1 on other targets)");
  add("bench", po::value<std::string>()->value_name("FILE.yaml"),
      "a lab bench: the target, its accounts and endpoints, its reset hooks");
  add("time-scale", po::value<double>()->value_name("F"),
      "real seconds per module second of the reference module (default 0.01)");
  add("address-base", po::value<int>()->value_name("N"),
      "the reference module's address for the first job: 127.0.0.N (default 2; job k uses "
      "N+2k and N+2k+1). Runs at once on one machine each take bases of their own");
  add("check", "only check the suites (and the bench) against their schemas; run nothing");
  add("coverage", po::value<std::string>()->value_name("summary|full")->implicit_value("summary"),
      "after the run, list the spec's rows (suites/coverage/spec-rows.yaml) and parameters "
      "with the cases that cover them: the counts and the rows not covered (summary), or every "
      "row (full); adds a coverage section to the JSON report. With --check: what the suites "
      "claim, nothing run");
  add("coverage-report", po::value<std::string>()->value_name("FILE"),
      "also write the coverage as JSON to FILE (implies --coverage)");
  add("require-coverage",
      "exit 1 when a row is neither covered nor explained (implies --coverage)");
  add("quiet", "print only failures and the summary");
  add("help,h", "print this help");
  return options;
}

void printHelp(const po::options_description& options) {
  std::cout << "usage: atsharp conform [--target URL] [--suites PATH]... [--report FILE]\n"
               "                       [--junit FILE] [--filter EXPR]... [--shard K/N]\n"
               "                       [--run-id ID] [--jobs N] [--bench FILE.yaml]\n"
               "                       [--time-scale F] [--address-base N] [--check] [--quiet]\n"
               "                       [--coverage[=summary|full]] [--coverage-report FILE]\n"
               "                       [--require-coverage]\n\n"
               "Replays the conformance suites against a module and writes a JSON report and a\n"
               "JUnit XML report. Exit status 0: every case passed (or was skipped, or failed\n"
               "as marked xfail); 1: a case failed; 2: a case could not be run, the run had a\n"
               "problem, or a usage error. With --check: 0 the suites are valid, 1 they are\n"
               "not. Coverage gaps change nothing unless --require-coverage is given: then a\n"
               "row neither covered nor explained makes the status 1 (when it was 0).\n\n"
            << options;
}

std::string defaultRunId() {
  const std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &parts);
  std::random_device random;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "-%06x", random() & 0xffffff);
  return std::string(stamp) + suffix;
}

struct Request {
  std::string target = "ref";
  std::vector<fs::path> suites;
  fs::path report;
  fs::path junit;
  std::vector<std::string> filters;
  std::optional<Shard> shard;
  std::string runId;
  std::optional<int> jobs;
  std::optional<fs::path> bench;
  std::optional<double> timeScale;
  std::optional<int> addressBase;
  bool check = false;
  bool quiet = false;
  std::optional<CoverageListing> coverage;  ///< set: list the coverage
  std::optional<fs::path> coverageReport;
  bool requireCoverage = false;
};

Request toRequest(const po::variables_map& values) {
  Request request;
  if (values.count("bench")) request.bench = values["bench"].as<std::string>();
  if (values.count("target")) request.target = values["target"].as<std::string>();
  if (values.count("suites")) {
    for (const auto& path : values["suites"].as<std::vector<std::string>>()) {
      request.suites.emplace_back(path);
    }
  } else {
    request.suites.push_back(kProjectRoot / "suites");
  }
  request.report = values.count("report") ? fs::path(values["report"].as<std::string>())
                                          : kProjectRoot / "reports" / "latest.json";
  if (values.count("junit")) {
    request.junit = values["junit"].as<std::string>();
  } else {
    request.junit = request.report;
    request.junit.replace_extension(".xml");
  }
  if (values.count("filter")) request.filters = values["filter"].as<std::vector<std::string>>();
  for (const std::string& filter : request.filters) parseFilter(filter);  // usage errors now
  if (values.count("shard")) request.shard = parseShard(values["shard"].as<std::string>());
  request.runId = values.count("run-id") ? values["run-id"].as<std::string>() : defaultRunId();
  if (values.count("jobs")) {
    request.jobs = values["jobs"].as<int>();
    if (*request.jobs < 1) throw UsageError("--jobs must be at least 1");
  }
  if (values.count("time-scale")) request.timeScale = values["time-scale"].as<double>();
  if (values.count("address-base")) request.addressBase = values["address-base"].as<int>();
  request.check = values.count("check") > 0;
  request.quiet = values.count("quiet") > 0;
  if (values.count("coverage")) {
    const std::string listing = values["coverage"].as<std::string>();
    if (listing != "summary" && listing != "full") {
      throw UsageError("--coverage takes summary or full, not \"" + listing + "\"");
    }
    request.coverage = listing == "full" ? CoverageListing::Full : CoverageListing::Summary;
  }
  if (values.count("coverage-report")) {
    request.coverageReport = values["coverage-report"].as<std::string>();
  }
  request.requireCoverage = values.count("require-coverage") > 0;
  if ((request.coverageReport || request.requireCoverage) && !request.coverage) {
    request.coverage = CoverageListing::Summary;
  }
  return request;
}

void printProblems(const std::vector<SuiteError>& problems) {
  for (const SuiteError& problem : problems) {
    std::cerr << readableText(problem.where().text()) << ": " << readableText(problem.problem())
              << "\n";
  }
}

std::unique_ptr<Target> makeTarget(const Request& request, std::optional<Bench> bench) {
  std::string url = request.target;
  if (bench) {
    if (url != "ref" && url != bench->target) {
      throw UsageError("--target " + url + " and the bench's target " + bench->target + " differ");
    }
    url = bench->target;
  }
  if (std::holds_alternative<atsharp::RefTarget>(parseTargetUrl(url))) {
    ReferenceTargetOptions options;
    if (request.timeScale) options.timeScale = *request.timeScale;
    if (request.addressBase) options.addressBase = *request.addressBase;
    return std::make_unique<ReferenceTarget>(options);
  }
  if (request.addressBase) {
    throw UsageError("--address-base is for the reference module (--target ref)");
  }
  if (request.timeScale) {
    if (!bench) bench.emplace();
    bench->timeScale = request.timeScale;
    if (bench->target.empty()) bench->target = url;
  }
  return std::make_unique<LineTarget>(url, std::move(bench));
}

std::string statusWord(CaseStatus status) {
  switch (status) {
    case CaseStatus::Passed: return "pass ";
    case CaseStatus::Failed: return "FAIL ";
    case CaseStatus::Error: return "ERROR";
    case CaseStatus::Skipped: return "skip ";
    case CaseStatus::Xfail: return "xfail";
  }
  return "?";
}

void printCase(const CaseResult& result, std::size_t done, std::size_t total, bool quiet,
               const std::set<std::string>& secrets) {
  const bool bad = result.status == CaseStatus::Failed || result.status == CaseStatus::Error;
  if (quiet && !bad) return;
  const double seconds = std::chrono::duration<double>(result.ended - result.started).count();
  char line[64];
  const int width = static_cast<int>(std::to_string(total).size());
  std::snprintf(line, sizeof line, "[%*zu/%zu] ", width, done, total);
  // The id (its params) and what a failure quotes may hold a credential.
  const CredentialMask mask = maskFor(result, secrets);
  std::cout << line << statusWord(result.status) << " " << readableText(mask.mask(result.id));
  std::snprintf(line, sizeof line, "  (%.2f s)", seconds);
  std::cout << line << "\n";
  if (result.skipReason) std::cout << "        " << *result.skipReason << "\n";
  if (!result.failure) return;
  std::cout << "        " << failureClassName(result.failure->failure) << ": "
            << readableText(mask.mask(result.failure->message)) << "\n";
  if (result.failure->source) {
    std::cout << "        at " << readableText(result.failure->source->text()) << "\n";
  }
}

// The project's catalogue of the spec's rows (suites/coverage/README.md).
const fs::path kSpecRowsFile = kProjectRoot / "suites" / "coverage" / "spec-rows.yaml";

// The ids of the spec's rows a case may name, when the project has its rows file.
std::optional<std::set<std::string>> specRows() {
  const fs::path& file = kSpecRowsFile;
  std::error_code error;
  if (!fs::exists(file, error)) return std::nullopt;
  return loadSpecRowIds(file);
}

// The rows a coverage listing accounts for; loaded before anything runs, so that a missing
// or broken rows file stops a --coverage run at once.
std::optional<RowCatalogue> coverageRows(const Request& request) {
  if (!request.coverage) return std::nullopt;
  std::error_code error;
  if (!fs::exists(kSpecRowsFile, error)) {
    throw UsageError("--coverage needs the spec's rows, " + kSpecRowsFile.string() +
                     ", which is not there");
  }
  return loadRowCatalogue(kSpecRowsFile);
}

// Prints the coverage, writes --coverage-report, and returns @p status, or 1 for a status of
// 0 when --require-coverage finds a row neither covered nor explained.
int reportCoverage(const Request& request, const Coverage& coverage, const CredentialMask& mask,
                   int status) {
  std::cout << coverageText(coverage, *request.coverage, &mask);
  if (request.coverageReport) {
    writeCoverageJson(coverage, *request.coverageReport,
                      [&](const std::string& raw) { return mask.mask(raw); });
    std::cout << "coverage report: " << request.coverageReport->string() << "\n";
  }
  const int gaps = coverage.total.gaps();
  if (!request.requireCoverage || gaps == 0) return status;
  std::cerr << "atsharp conform: " << gaps
            << " row(s) neither covered nor explained (--require-coverage)\n";
  return status == 0 ? 1 : status;
}

std::string rowsFileName() { return displayPath(kSpecRowsFile); }

int check(const Request& request, const JsonSchema& suiteSchema, const StepRegistry& registry,
          const std::set<std::string>* rows, const std::optional<RowCatalogue>& catalogue) {
  const LoadedSuites loaded = loadSuites(request.suites, registry, suiteSchema, rows);
  std::size_t cases = 0;
  for (const Suite& suite : loaded.suites) cases += suite.cases.size();
  if (!loaded.problems.empty()) {
    printProblems(loaded.problems);
    std::cerr << "atsharp conform --check: " << loaded.problems.size() << " problem(s) in "
              << loaded.files.size() << " file(s)\n";
    return 1;
  }
  std::cout << "atsharp conform --check: " << loaded.files.size() << " file(s), "
            << loaded.suites.size() << " suite(s), " << cases << " case(s): valid\n";
  if (!catalogue) return 0;
  const Coverage coverage = computeCoverage(*catalogue, claimsOfSuites(expandCases(loaded.suites)),
                                            CoverageBasis::Claims, rowsFileName());
  return reportCoverage(request, coverage, CredentialMask(), 0);
}

int run(const Request& request) {
  const JsonSchema suiteSchema(nlohmann::json::parse(suiteSchemaText()));
  StepRegistry registry = StepRegistry::withBuiltins();
  addFixtureSteps(registry);
  std::optional<Bench> bench;
  if (request.bench) {
    const JsonSchema benchSchema(nlohmann::json::parse(benchSchemaText()));
    try {
      bench = loadBench(*request.bench, displayPath(*request.bench), benchSchema);
    } catch (const BenchError& bad) {
      printProblems(bad.problems());
      return request.check ? 1 : kUsageError;
    }
  }
  const auto rows = specRows();
  const std::set<std::string>* knownRows = rows ? &*rows : nullptr;
  const std::optional<RowCatalogue> catalogue = coverageRows(request);
  if (request.check) return check(request, suiteSchema, registry, knownRows, catalogue);
  std::unique_ptr<Target> target = makeTarget(request, bench);
  const LoadedSuites loaded = loadSuites(request.suites, registry, suiteSchema, knownRows);
  printProblems(loaded.problems);
  RunOptions options;
  options.runId = request.runId;
  options.toolVersion = ATSHARP_VERSION;
  options.filters = request.filters;
  options.shard = request.shard;
  options.services = fixtureServices();
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.jobs = request.jobs.value_or(target->url() == "ref" ? std::min(cores, 4) : 1);
  if (!request.quiet) {
    std::cout << "atsharp conform: " << target->url() << ", run " << request.runId << "\n";
  }
  const RunResult result = runSuites(
      loaded, *target, options, [&](const CaseResult& one, std::size_t done, std::size_t total) {
        printCase(one, done, total, request.quiet, target->secrets());
      });
  for (const RunProblem& problem : result.problems) {
    if (problem.kind != "suite") std::cerr << "atsharp conform: " << readableText(problem.message) << "\n";
  }
  std::optional<Coverage> coverage;
  if (catalogue) {
    coverage = computeCoverage(*catalogue, claimsOfRun(expandCases(loaded.suites), result),
                               CoverageBasis::Run, rowsFileName());
  }
  writeJsonReport(result, request.report, coverage ? &*coverage : nullptr);
  writeJunitReport(result, request.junit);
  const Summary summary = result.summary();
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.1f s",
                std::chrono::duration<double>(result.finished - result.started).count());
  std::cout << summary.total << " case(s): " << summary.passed << " passed, " << summary.failed
            << " failed, " << summary.error << " error, " << summary.skipped << " skipped, "
            << summary.xfail << " xfail (" << seconds << ")";
  if (result.identity) std::cout << "; " << readableText(result.identity->versionLine);
  std::cout << "\nreports: " << request.report.string() << ", " << request.junit.string() << "\n";
  if (!coverage) return result.exitCode();
  CredentialMask mask;
  for (const std::string& secret : target->secrets()) mask.addSecret(secret);
  return reportCoverage(request, *coverage, mask, result.exitCode());
}

}  // namespace

int conform(int argc, char** argv) {
  const po::options_description options = describeOptions();
  const OptionCommand<Request> command{"conform", options, printHelp, toRequest, run,
                                       kUsageError};
  return runOptionCommand(command, argc, argv);
}

}  // namespace atsharp::cli
