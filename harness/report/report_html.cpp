#include "report/report_html.hpp"

#include <sstream>

#include "report/report_bytes.hpp"
#include "report/report_view.hpp"

namespace atsharp::harness {
namespace {

using Json = nlohmann::json;

// The page's only style; no fonts, images or anything else from outside.
constexpr const char* kStyle = R"(
body { font-family: sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { text-align: left; vertical-align: top; padding: 2px 8px; border-bottom: 1px solid #ddd; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bytes, .mono { font-family: monospace; white-space: pre-wrap; word-break: break-all; }
.c { color: #777; background: #eee; border-radius: 2px; font-size: 0.85em; }
.passed { color: #176f2c; } .failed { color: #b00020; } .error { color: #8a2be2; }
.skipped, .xfail { color: #8a6d00; }
.status { font-weight: bold; }
tr.tx td.bytes { color: #0b5394; } tr.rx td.bytes { color: #222; }
tr.tx td.dir { color: #0b5394; font-weight: bold; } tr.rx td.dir { color: #38761d; font-weight: bold; }
tr.urc td.dir { color: #a64d79; } tr.event td { color: #8a6d00; font-style: italic; }
tr.fault td { color: #b45f06; font-weight: bold; }
tr.failing { background: #fde8e8; }
tr.step-failed { background: #fde8e8; }
.expected { color: #176f2c; } .received { color: #b00020; }
.diff-minus { color: #176f2c; } .diff-plus { color: #b00020; }
details.case { margin: 0.4em 0; border: 1px solid #ccc; border-radius: 4px; padding: 0.3em 0.6em; }
details.case > summary { cursor: pointer; }
.note { color: #666; }
)";

std::string text(const Json& value) { return htmlEscaped(textOrEmpty(value)); }

// Bytes with every byte visible: the marked ones (<CR>, <DLE>, <e9>) set apart by their style.
std::string bytesHtml(ByteView bytes) {
  std::string out;
  for (const ShownPiece& piece : showBytes(bytes, false)) {
    if (piece.marked) {
      out += "<span class=\"c\">" + htmlEscaped(piece.text) + "</span>";
    } else {
      out += htmlEscaped(piece.text);
    }
  }
  return out;
}

std::string escapedHtml(const Json& escaped) { return bytesHtml(bytesFromEscaped(textOrEmpty(escaped))); }

class Page {
 public:
  explicit Page(const Json& report) : report_(report) {}

  std::string write() {
    out_ << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<title>atsharp conformance report " << text(report_.at("run_id")) << "</title>\n"
         << "<style>" << kStyle << "</style>\n</head>\n<body>\n";
    run();
    problems();
    caseTable();
    caseDetails();
    out_ << "</body>\n</html>\n";
    return out_.str();
  }

 private:
  void row(const std::string& name, const std::string& valueHtml) {
    out_ << "<tr><th>" << name << "</th><td>" << valueHtml << "</td></tr>\n";
  }

  void run() {
    const Json& target = report_.at("target");
    const Json& selection = report_.at("selection");
    out_ << "<h1>Conformance run " << text(report_.at("run_id")) << "</h1>\n<table class=\"run\">\n";
    row("target", text(target.at("url")) + " (time scale " + htmlEscaped(target.at("time_scale").dump()) + ")");
    row("module", htmlEscaped(identityText(report_)));
    row("tool", "atsharp " + text(report_.at("tool").at("version")));
    row("started", text(report_.at("started_at")));
    row("finished", text(report_.at("finished_at")) + " (" +
                        secondsText(report_.at("duration_s").get<double>(), 1) + " s)");
    std::string chosen = std::to_string(selection.at("suites").size()) + " suite file(s)";
    for (const Json& filter : selection.at("filters")) chosen += ", filter " + text(filter);
    if (selection.at("shard").is_object()) {
      chosen += ", shard " + std::to_string(selection.at("shard").at("index").get<int>()) + "/" +
                std::to_string(selection.at("shard").at("count").get<int>());
    }
    row("selection", chosen);
    const Json& summary = report_.at("summary");
    row("cases", std::to_string(summary.at("total").get<int>()) + ": " + counts(summary));
    row("exit status", std::to_string(report_.at("exit_code").get<int>()));
    out_ << "</table>\n";
  }

  static std::string counts(const Json& summary) {
    std::string out;
    for (const char* status : {"passed", "failed", "error", "skipped", "xfail"}) {
      if (!out.empty()) out += ", ";
      out += "<span class=\"" + std::string(status) + "\">" +
             std::to_string(summary.at(status).get<int>()) + " " + status + "</span>";
    }
    return out;
  }

  void problems() {
    const Json& problems = report_.at("problems");
    if (problems.empty()) return;
    out_ << "<h2 class=\"error\">Problems of the run</h2>\n<ul>\n";
    for (const Json& problem : problems) {
      out_ << "<li>" << text(problem.at("kind")) << ": ";
      const std::string where = locationText(problem.at("source"));
      if (!where.empty()) out_ << "<span class=\"mono\">" << htmlEscaped(where) << "</span>: ";
      out_ << text(problem.at("message")) << "</li>\n";
    }
    out_ << "</ul>\n";
  }

  void caseTable() {
    out_ << "<h2>Cases</h2>\n<table class=\"cases\">\n<tr><th>case</th><th>status</th>"
            "<th>failure</th><th>spec</th><th>duration (s)</th></tr>\n";
    std::size_t index = 0;
    for (const Json& oneCase : report_.at("cases")) {
      const std::string status = textOrEmpty(oneCase.at("status"));
      const Json& failure = oneCase.at("failure");
      out_ << "<tr><td class=\"mono\"><a href=\"#case-" << index++ << "\">" << text(oneCase.at("id"))
           << "</a></td><td class=\"status " << htmlEscaped(status) << "\">" << htmlEscaped(status)
           << "</td><td>";
      if (failure.is_object()) {
        out_ << text(failure.at("class")) << ": " << text(failure.at("message"));
      } else if (status == "skipped") {
        out_ << text(oneCase.at("skip_reason"));
      }
      out_ << "</td><td>" << htmlEscaped(specText(oneCase)) << "</td><td class=\"num\">"
           << secondsText(oneCase.at("duration_s").get<double>(), 3) << "</td></tr>\n";
    }
    out_ << "</table>\n";
  }

  void caseDetails() {
    out_ << "<h2>Steps and transcripts</h2>\n";
    std::size_t index = 0;
    for (const Json& oneCase : report_.at("cases")) caseDetail(oneCase, index++);
  }

  void caseDetail(const Json& oneCase, std::size_t index) {
    const std::string status = textOrEmpty(oneCase.at("status"));
    out_ << "<details class=\"case\" id=\"case-" << index << "\"" << (isBad(oneCase) ? " open" : "")
         << ">\n<summary><span class=\"status " << htmlEscaped(status) << "\">"
         << htmlEscaped(status) << "</span> <span class=\"mono\">" << text(oneCase.at("id"))
         << "</span> (" << secondsText(oneCase.at("duration_s").get<double>(), 3) << " s)</summary>\n";
    out_ << "<p>" << text(oneCase.at("title")) << "</p>\n<p class=\"note\">"
         << htmlEscaped(specText(oneCase)) << " &middot; <span class=\"mono\">"
         << htmlEscaped(locationText(oneCase.at("source"))) << "</span>";
    if (oneCase.at("module").is_string()) out_ << " &middot; module " << text(oneCase.at("module"));
    out_ << "</p>\n";
    const Json& failure = oneCase.at("failure");
    if (failure.is_object()) {
      out_ << "<p class=\"" << htmlEscaped(status) << "\"><b>" << text(failure.at("class"))
           << "</b> (" << text(failure.at("phase")) << "): " << text(failure.at("message")) << "</p>\n";
    }
    for (const char* reason : {"skip_reason", "xfail_reason"}) {
      if (oneCase.at(reason).is_string()) {
        out_ << "<p class=\"note\">" << (reason[0] == 's' ? "skipped: " : "expected to fail: ")
             << text(oneCase.at(reason)) << "</p>\n";
      }
    }
    steps(oneCase);
    transcript(oneCase);
    out_ << "</details>\n";
  }

  void steps(const Json& oneCase) {
    const Json& steps = oneCase.at("steps");
    if (steps.empty()) return;
    out_ << "<table class=\"steps\">\n<tr><th>#</th><th>phase</th><th>step</th><th>source</th>"
            "<th>status</th><th>started (s)</th><th>elapsed (s)</th></tr>\n";
    for (const Json& step : steps) {
      const std::string status = textOrEmpty(step.at("status"));
      out_ << "<tr class=\"step-" << htmlEscaped(status) << "\"><td class=\"num\">"
           << step.at("index").get<int>() << "</td><td>" << text(step.at("phase")) << "</td><td>"
           << text(step.at("summary")) << "</td><td class=\"mono\">"
           << htmlEscaped(locationText(step.at("source"))) << "</td><td class=\""
           << htmlEscaped(status) << "\">" << htmlEscaped(status) << "</td><td class=\"num\">"
           << optionalSeconds(step.at("started_s")) << "</td><td class=\"num\">"
           << optionalSeconds(step.at("elapsed_s")) << "</td></tr>\n";
      if (status == "failed") failedStep(step);
    }
    out_ << "</table>\n";
  }

  static std::string optionalSeconds(const Json& value) {
    return value.is_number() ? secondsText(value.get<double>(), 4) : "";
  }

  // Expected against received, and the diff, under the failing step's row.
  void failedStep(const Json& step) {
    out_ << "<tr class=\"step-failed\"><td></td><td colspan=\"6\">\n";
    if (step.at("message").is_string()) {
      out_ << "<p><b>" << text(step.at("failure_class")) << "</b>: " << text(step.at("message")) << "</p>\n";
    }
    for (const Json& site : step.at("called_from")) {
      out_ << "<div class=\"note\">called from <span class=\"mono\">" << htmlEscaped(locationText(site))
           << "</span></div>\n";
    }
    out_ << "<table>\n";
    for (const Json& item : step.at("expected")) {
      const bool exact = item.at("exact").get<bool>();
      out_ << "<tr><th>expected" << (exact ? "" : " (pattern)") << "</th><td class=\"bytes expected\">"
           << (exact ? bytesHtml(bytesFromHex(textOrEmpty(item.at("hex")))) : escapedHtml(item.at("text")))
           << "</td></tr>\n";
    }
    const Json& received = step.at("received");
    out_ << "<tr><th>received</th><td class=\"bytes received\">" << bytesHtml(bytesOf(received))
         << (received.at("truncated").get<bool>()
                 ? " &hellip; (" + std::to_string(received.at("size").get<long>()) + " bytes)"
                 : std::string())
         << "</td></tr>\n";
    if (step.at("pending").is_object()) {
      out_ << "<tr><th>pending</th><td class=\"bytes\">" << bytesHtml(bytesOf(step.at("pending")))
           << "</td></tr>\n";
    }
    out_ << "</table>\n";
    if (!step.at("diff").empty()) {
      out_ << "<div class=\"bytes\">";
      for (const Json& line : step.at("diff")) {
        const std::string op = textOrEmpty(line.at("op"));
        const char* style = op == "-" ? "diff-minus" : op == "+" ? "diff-plus" : "diff-same";
        out_ << "<div class=\"" << style << "\">" << htmlEscaped(op) << " "
             << escapedHtml(line.at("text")) << "</div>";
      }
      out_ << "</div>\n";
    }
    out_ << "</td></tr>\n";
  }

  void transcript(const Json& oneCase) {
    const Json& entries = oneCase.at("transcript");
    if (entries.empty()) {
      out_ << "<p class=\"note\">(no transcript)</p>\n";
      return;
    }
    const Json* failing = failingStep(oneCase);
    out_ << "<table class=\"transcript\">\n<tr><th>t (s)</th><th>module (s)</th><th></th>"
            "<th>step</th><th>bytes</th></tr>\n";
    for (const Json& entry : entries) {
      std::string classes = textOrEmpty(entry.at("dir"));
      if (entry.at("kind") == "unsolicited") classes += " urc";
      if (entry.at("fault").get<bool>()) classes += " fault";
      if (failing && entry.at("step") == failing->at("index")) classes += " failing";
      out_ << "<tr class=\"" << classes << "\"><td class=\"num\">"
           << secondsText(entry.at("t").get<double>(), 4) << "</td><td class=\"num\">"
           << secondsText(entry.at("t_module").get<double>(), 3) << "</td><td class=\"dir\">"
           << htmlEscaped(entryLabel(entry)) << "</td><td class=\"num\">"
           << (entry.at("step").is_number() ? std::to_string(entry.at("step").get<int>()) : std::string())
           << "</td><td class=\"bytes\">" << entryBytes(entry) << "</td></tr>\n";
    }
    out_ << "</table>\n";
  }

  static std::string entryBytes(const Json& entry) {
    if (entry.at("dir") == "event") return escapedHtml(entry.at("text"));
    std::string out = bytesHtml(bytesOf(entry));
    if (entry.at("truncated").get<bool>()) {
      out += "<span class=\"note\"> &hellip; (" + std::to_string(entry.at("size").get<long>()) +
             " bytes, sha256 " + text(entry.at("sha256")) + ") &hellip; </span>" +
             bytesHtml(bytesFromHex(textOrEmpty(entry.at("tail_hex"))));
    }
    if (entry.at("payload_size").is_number()) {
      out += "<span class=\"note\"> [payload " + std::to_string(entry.at("payload_size").get<long>()) +
             " bytes]</span>";
    }
    if (entry.at("masked").get<bool>()) out += "<span class=\"note\"> [credential masked]</span>";
    return out;
  }

  const Json& report_;
  std::ostringstream out_;
};

}  // namespace

std::string htmlEscaped(std::string_view raw) {
  const std::string safe = safeText(raw);
  std::string out;
  out.reserve(safe.size());
  for (const char c : safe) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string reportHtml(const Json& report) { return Page(report).write(); }

}  // namespace atsharp::harness
