#include "report/junit_report.hpp"

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "atsharp/error.hpp"
#include "report/credential_mask.hpp"
#include "report/json_report.hpp"
#include "text/byte_text.hpp"

namespace atsharp::harness {
namespace {

constexpr std::size_t kTranscriptLinesShown = 60;

// Text for XML: masked, readable, and with the five special characters escaped. XML 1.0 has no
// way to write most control characters: readableText() has escaped them already.
std::string xmlText(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string secondsText(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", value);
  return text;
}

double seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

class JunitWriter {
 public:
  explicit JunitWriter(const RunResult& result) : result_(result) {
    for (const std::string& secret : result.secrets) mask_.addSecret(secret);
    for (const CaseResult& one : result.cases) {
      for (const TranscriptEntry& entry : one.transcript) {
        if (entry.direction == Direction::Tx && entry.kind != EntryKind::Data) {
          mask_.learnFromSent(asString(entry.bytes));
        }
      }
    }
  }

  std::string write() const {
    std::map<std::string, std::vector<const CaseResult*>> bySuite;
    std::vector<std::string> order;
    for (const CaseResult& one : result_.cases) {
      if (!bySuite.count(one.suiteFile)) order.push_back(one.suiteFile);
      bySuite[one.suiteFile].push_back(&one);
    }
    const Summary summary = result_.summary();
    std::ostringstream out;
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"atsharp conform\" tests=\"" << summary.total << "\" failures=\""
        << summary.failed << "\" errors=\"" << summary.error + (result_.problems.empty() ? 0 : 1)
        << "\" skipped=\"" << summary.skipped + summary.xfail << "\" time=\""
        << secondsText(std::chrono::duration<double>(result_.finished - result_.started).count())
        << "\" timestamp=\"" << isoTime(result_.started) << "\">\n";
    if (!result_.problems.empty()) writeProblems(out);
    for (const std::string& file : order) writeSuite(out, file, bySuite.at(file));
    out << "</testsuites>\n";
    return out.str();
  }

 private:
  std::string text(const std::string& message) const {
    return xmlText(readableText(mask_.mask(message)));
  }
  std::string bytes(const std::string& raw) const {
    return xmlText(escapeBytes(asBytes(mask_.mask(raw))));
  }

  void writeProblems(std::ostringstream& out) const {
    // Problems outside any case still fail CI: as an error of a testsuite of their own.
    out << "  <testsuite name=\"run\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        << "    <testcase classname=\"run\" name=\"problems\">\n"
        << "      <error type=\"" << text(result_.problems.front().kind) << "\" message=\""
        << text(result_.problems.front().message) << "\">";
    for (const RunProblem& problem : result_.problems) {
      if (problem.where) out << text(problem.where->text()) << ": ";
      out << text(problem.message) << "\n";
    }
    out << "</error>\n    </testcase>\n  </testsuite>\n";
  }

  void writeSuite(std::ostringstream& out, const std::string& file,
                  const std::vector<const CaseResult*>& cases) const {
    int failures = 0, errors = 0, skipped = 0;
    double time = 0;
    for (const CaseResult* one : cases) {
      failures += one->status == CaseStatus::Failed;
      errors += one->status == CaseStatus::Error;
      skipped += one->status == CaseStatus::Skipped || one->status == CaseStatus::Xfail;
      time += seconds(one->ended - one->started);
    }
    out << "  <testsuite name=\"" << text(cases.front()->suite) << "\" tests=\"" << cases.size()
        << "\" failures=\"" << failures << "\" errors=\"" << errors << "\" skipped=\"" << skipped
        << "\" time=\"" << secondsText(time) << "\" file=\"" << text(file) << "\">\n";
    out << "    <properties>\n"
        << "      <property name=\"target\" value=\"" << text(result_.targetUrl) << "\"/>\n"
        << "      <property name=\"run_id\" value=\"" << text(result_.runId) << "\"/>\n";
    if (result_.identity) {
      out << "      <property name=\"identity\" value=\"" << text(result_.identity->versionLine)
          << "\"/>\n";
    }
    out << "    </properties>\n";
    for (const CaseResult* one : cases) writeCase(out, *one);
    out << "  </testsuite>\n";
  }

  void writeCase(std::ostringstream& out, const CaseResult& one) const {
    std::string classname = one.suite;
    for (char& c : classname) {
      if (c == '/') c = '.';
    }
    const std::string name = one.id.substr(one.suite.size() + 1);
    out << "    <testcase classname=\"" << text(classname) << "\" name=\"" << text(name)
        << "\" time=\"" << secondsText(seconds(one.ended - one.started)) << "\" file=\""
        << text(one.source.file) << "\" line=\"" << one.source.line << "\"";
    switch (one.status) {
      case CaseStatus::Passed:
        out << "/>\n";
        return;
      case CaseStatus::Skipped:
        out << ">\n      <skipped message=\"" << text(one.skipReason.value_or("skipped"))
            << "\"/>\n    </testcase>\n";
        return;
      case CaseStatus::Xfail:
        out << ">\n      <skipped message=\"xfail: " << text(one.xfailReason.value_or(""))
            << "\"/>\n";
        break;
      case CaseStatus::Failed:
      case CaseStatus::Error: {
        const char* element = one.status == CaseStatus::Failed ? "failure" : "error";
        const CaseFailure& failure = *one.failure;
        out << ">\n      <" << element << " type=\"" << failureClassName(failure.failure)
            << "\" message=\"" << text(failure.message) << "\">" << details(one) << "</"
            << element << ">\n";
        break;
      }
    }
    out << "      <system-out>" << transcript(one) << "</system-out>\n    </testcase>\n";
  }

  // The failing step: where it is written, what it expected, what came, the diff.
  std::string details(const CaseResult& one) const {
    std::ostringstream out;
    const CaseFailure& failure = *one.failure;
    out << failureClassName(failure.failure) << ": " << text(failure.message) << "\n";
    if (failure.source) out << "at " << text(failure.source->text()) << "\n";
    if (!failure.step) return out.str();
    const StepRecord& step = one.steps.at(static_cast<std::size_t>(*failure.step));
    out << "step " << step.index << " (" << text(step.phase) << "): " << text(step.summary) << "\n";
    for (const SourceLocation& site : step.calledFrom) out << "  called from " << text(site.text()) << "\n";
    for (const ExpectedItem& item : step.expected) out << "expected: " << bytes(item.bytes) << "\n";
    if (!step.received.empty()) {
      const std::string raw = asString(step.received).substr(0, 2048);
      out << "received: " << bytes(raw) << "\n"
          << "received (hex): " << xmlText(hexBytes(asBytes(mask_.mask(raw)))) << "\n";
    }
    if (!step.diff.empty()) {
      out << "diff:\n";
      for (const DiffLine& line : step.diff) out << line.op << " " << bytes(line.bytes) << "\n";
    }
    return out.str();
  }

  std::string transcript(const CaseResult& one) const {
    std::ostringstream out;
    const std::size_t first =
        one.transcript.size() > kTranscriptLinesShown ? one.transcript.size() - kTranscriptLinesShown : 0;
    if (first > 0) out << "(" << first << " earlier entries in the JSON report)\n";
    for (std::size_t i = first; i < one.transcript.size(); ++i) {
      const TranscriptEntry& entry = one.transcript[i];
      const double t = seconds(entry.at - one.transcriptStart);
      const char* direction = entry.direction == Direction::Tx   ? "TX"
                              : entry.direction == Direction::Rx ? "RX"
                                                                 : "--";
      out << secondsText(t) << " s (" << secondsText(t / one.timeScale) << " s module) "
          << direction << " " << entryKindName(entry.kind) << (entry.fault ? " fault" : "") << ": ";
      if (entry.direction == Direction::Event) {
        out << text(entry.text);
      } else {
        out << bytes(asString(entry.bytes).substr(0, 512));
        if (entry.bytes.size() > 512) out << "... (" << entry.bytes.size() << " bytes)";
      }
      out << "\n";
    }
    return out.str();
  }

  const RunResult& result_;
  CredentialMask mask_;
};

}  // namespace

std::string junitXml(const RunResult& result) { return JunitWriter(result).write(); }

void writeJunitReport(const RunResult& result, const std::filesystem::path& path) {
  std::error_code error;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error("cannot write the JUnit report " + path.string());
  out << junitXml(result);
  if (!out) throw Error("cannot write the JUnit report " + path.string());
}

}  // namespace atsharp::harness
