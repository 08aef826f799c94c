// atsharp report show|html|diff|merge: the viewers of the JSON reports `atsharp conform`
// writes (reports/README.md). Exit status 0 done, 2 a usage error or a file that is not a
// report; diff: 1 when a case got worse; merge: 1 when the parts do not belong together.

#include <boost/program_options.hpp>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "report/junit_report.hpp"
#include "report/report_diff.hpp"
#include "report/report_file.hpp"
#include "report/report_html.hpp"
#include "report/report_merge.hpp"
#include "report/report_show.hpp"
#include "report/report_to_result.hpp"
#include "../option_command.hpp"
#include "../subcommands.hpp"

namespace atsharp::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace atsharp::harness;

constexpr int kUsageError = 2;

constexpr const char* kUsage =
    "usage: atsharp report show FILE [--all] [--transcripts] [--color WHEN]\n"
    "       atsharp report html FILE [-o OUT.html]\n"
    "       atsharp report diff A B\n"
    "       atsharp report merge OUT IN... [--junit FILE] [--partial]\n\n"
    "Reads the JSON reports of atsharp conform (reports/README.md).\n"
    "  show   the run, and each failing case: its step, expected against received, the\n"
    "         transcript around it (--all: every case; --transcripts: whole transcripts)\n"
    "  html   one self-contained HTML page (default: FILE with .html)\n"
    "  diff   the cases whose status changed from A to B; exit 1 when one got worse\n"
    "  merge  the reports of a sharded run (same --run-id) into one; --junit writes its\n"
    "         JUnit XML too\n"
    "Exit status 0: done; 1: diff found a case that got worse, or merge found reports that\n"
    "are not of one run; 2: a usage error or a file that is not a report.\n";

// Parses @p argv with @p options and the positional FILE arguments.
po::variables_map parse(int argc, char** argv, const po::options_description& options) {
  po::positional_options_description positional;
  positional.add("files", -1);
  po::options_description all;
  all.add(options).add_options()("files", po::value<std::vector<std::string>>());
  po::variables_map values;
  po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), values);
  po::notify(values);
  return values;
}

std::vector<std::string> files(const po::variables_map& values) {
  return values.count("files") ? values["files"].as<std::vector<std::string>>() : std::vector<std::string>{};
}

void expectFiles(const std::vector<std::string>& given, std::size_t least, std::size_t most,
                 const char* what) {
  if (given.size() < least || given.size() > most) throw UsageError(std::string("expects ") + what);
}

// Colour only on a terminal, and never where NO_COLOR is set (https://no-color.org).
bool wantsColour(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  if (when != "auto") throw UsageError("--color is auto, always or never");
  const char* term = std::getenv("TERM");
  return ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR") && !(term && std::string(term) == "dumb");
}

int show(int argc, char** argv) {
  po::options_description options("options");
  options.add_options()("all", "every case, not only those that failed")(
      "transcripts", "whole transcripts, every byte")(
      "color", po::value<std::string>()->default_value("auto"), "auto, always or never");
  const po::variables_map values = parse(argc, argv, options);
  const std::vector<std::string> given = files(values);
  expectFiles(given, 1, 1, "one report: show FILE");
  ShowOptions show;
  show.all = values.count("all") > 0;
  show.transcripts = values.count("transcripts") > 0;
  show.colour = wantsColour(values["color"].as<std::string>());
  showReport(std::cout, readReport(given.front()), show);
  return 0;
}

void writeText(const fs::path& path, const std::string& text) {
  std::error_code error;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw Error("cannot write " + path.string());
}

int html(int argc, char** argv) {
  po::options_description options("options");
  options.add_options()("output,o", po::value<std::string>(), "the page (default: FILE.html)");
  const po::variables_map values = parse(argc, argv, options);
  const std::vector<std::string> given = files(values);
  expectFiles(given, 1, 1, "one report: html FILE [-o OUT.html]");
  fs::path out = given.front();
  out.replace_extension(".html");
  if (values.count("output")) out = values["output"].as<std::string>();
  writeText(out, reportHtml(readReport(given.front())));
  std::cout << out.string() << "\n";
  return 0;
}

int diff(int argc, char** argv) {
  const po::variables_map values = parse(argc, argv, po::options_description("options"));
  const std::vector<std::string> given = files(values);
  expectFiles(given, 2, 2, "two reports: diff A B");
  const nlohmann::json before = readReport(given[0]);
  const nlohmann::json after = readReport(given[1]);
  const ReportDiff changes = diffReports(before, after);
  showReportDiff(std::cout, before, after, changes);
  return changes.worse() ? 1 : 0;
}

int merge(int argc, char** argv) {
  po::options_description options("options");
  options.add_options()("junit", po::value<std::string>(), "also write the JUnit XML here")(
      "partial", "merge even when some shards are missing");
  const po::variables_map values = parse(argc, argv, options);
  const std::vector<std::string> given = files(values);
  expectFiles(given, 2, 10000, "merge OUT IN...");
  std::vector<NamedReport> parts;
  for (std::size_t i = 1; i < given.size(); ++i) parts.push_back({given[i], readReport(given[i])});
  MergeOptions merging;
  merging.partial = values.count("partial") > 0;
  nlohmann::json merged;
  try {
    merged = mergeReports(parts, merging);
  } catch (const ReportMergeError& bad) {
    std::cerr << "atsharp report merge: " << bad.what() << "\n";
    return 1;
  }
  writeReportJson(merged, given.front());
  if (values.count("junit")) writeJunitReport(runResultFromReport(merged), values["junit"].as<std::string>());
  std::cout << given.front() << ": " << merged["summary"]["total"].get<int>() << " case(s) from "
            << parts.size() << " report(s)\n";
  return 0;
}

}  // namespace

int report(int argc, char** argv) {
  if (argc < 2 || std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h") {
    (argc < 2 ? std::cerr : std::cout) << kUsage;
    return argc < 2 ? kUsageError : 0;
  }
  const std::string_view action = argv[1];
  int (*run)(int, char**) = action == "show"    ? show
                            : action == "html"  ? html
                            : action == "diff"  ? diff
                            : action == "merge" ? merge
                                                : nullptr;
  if (!run) {
    std::cerr << "atsharp report: unknown command \"" << action << "\"\n" << kUsage;
    return kUsageError;
  }
  const std::string name = "report " + std::string(action);
  try {
    return run(argc - 1, argv + 1);
  } catch (const po::error& bad) {
    return usageError(name, bad, "report");
  } catch (const UsageError& bad) {
    return usageError(name, bad, "report");
  } catch (const Error& bad) {
    return failure(name, bad, kUsageError);
  } catch (const nlohmann::json::exception& bad) {
    // A report the schema let through with a value the viewers cannot take (a line number
    // beyond any int, say): said, not crashed on.
    return failure(name, Error("cannot read the report: " + std::string(bad.what())), kUsageError);
  }
}

}  // namespace atsharp::cli
